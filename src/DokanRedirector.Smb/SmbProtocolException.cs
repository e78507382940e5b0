namespace DokanRedirector.Smb;

/// <summary>The server sent bytes that break MS-SMB2: a bad length, offset, signature or frame. Not transient.</summary>
public sealed class SmbProtocolException : SmbException
{
    public SmbProtocolException(string message, Exception? innerException = null)
        : base(message, isTransient: false, innerException)
    {
    }

    public SmbProtocolException()
    {
    }

    public SmbProtocolException(string message)
        : base(message, isTransient: false)
    {
    }
}
