namespace DokanRedirector.LocalSamba;

/// <summary>What the throw-away Samba accepts: dialect range and signing policy (smb.conf values).</summary>
public sealed record SambaServerOptions
{
    /// <summary><c>server min protocol</c>: SMB2_02, SMB2_10, SMB3_00, SMB3_02 or SMB3_11.</summary>
    public string MinProtocol { get; init; } = "SMB2_02";

    /// <summary><c>server max protocol</c>.</summary>
    public string MaxProtocol { get; init; } = "SMB3_11";

    /// <summary><c>server signing</c>: auto, mandatory, disabled.</summary>
    public string Signing { get; init; } = "auto";

    /// <summary>
    /// Also run <c>samba-dcerpcd</c> with every RPC helper, so DCE/RPC pipes such as <c>srvsvc</c> (share
    /// enumeration) answer. Samba 4.17 refuses to start them on demand for a standalone server.
    /// </summary>
    public bool EnableRpc { get; init; }

    /// <summary><c>change notify</c>: false makes the server refuse SMB2 CHANGE_NOTIFY, as some servers do.</summary>
    public bool ChangeNotify { get; init; } = true;

    /// <summary>
    /// The directory to make the server's temp directory (its state and the shares) in; null for the system temp
    /// directory. <c>/dev/shm</c> puts the shares on tmpfs, so a benchmark measures the protocol, not the disk.
    /// </summary>
    public string? TempRoot { get; init; }

    public static SambaServerOptions ForDialect(string protocol) =>
        new() { MinProtocol = protocol, MaxProtocol = protocol };
}
