using DokanRedirector.Smb;

namespace DokanRedirector.SmbMiniRdr;

public sealed record SmbMiniRedirectorOptions
{
    /// <summary>The SMB client settings every server connection starts from (dialects, signing, timeouts).
    /// Its Logger is replaced by one from the logger factory.</summary>
    public SmbClientOptions Client { get; init; } = SmbClientOptions.Default;

    /// <summary>Settings for servers that were not registered with <see cref="SmbMiniRedirector.SetServer"/>.</summary>
    public SmbServerSettings DefaultServer { get; init; } = new();
}
