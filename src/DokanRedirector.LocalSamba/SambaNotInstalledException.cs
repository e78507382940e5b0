namespace DokanRedirector.LocalSamba;

/// <summary>A Samba tool the throw-away server needs is missing; the message says what to install.</summary>
public sealed class SambaNotInstalledException : Exception
{
    public SambaNotInstalledException()
    {
    }

    public SambaNotInstalledException(string message)
        : base(message)
    {
    }

    public SambaNotInstalledException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
