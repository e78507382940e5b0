namespace DokanRedirector.Smb;

/// <summary>
/// A transport failure: the connection could not be made, broke, or timed out. Every request pending
/// on a broken connection fails with the same reason.
/// </summary>
public class SmbException : Exception
{
    public SmbException(string message, bool isTransient, Exception? innerException = null)
        : base(message, innerException)
    {
        IsTransient = isTransient;
    }

    public SmbException()
    {
    }

    public SmbException(string message)
        : base(message)
    {
    }

    public SmbException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>True when the same request on a new connection may succeed (reset, refused, timeout).</summary>
    public bool IsTransient { get; }
}
