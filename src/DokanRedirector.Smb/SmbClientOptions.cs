using DokanRedirector.Smb.Crypto;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace DokanRedirector.Smb;

/// <summary>How a connection negotiates and how long it waits. The defaults suit a LAN server.</summary>
public sealed record SmbClientOptions
{
    public static readonly SmbClientOptions Default = new();

    /// <summary>The TCP port (Direct TCP, MS-SMB2 2.1).</summary>
    public const int DefaultPort = 445;

    public SmbDialect MinDialect { get; init; } = SmbDialect.Smb202;

    public SmbDialect MaxDialect { get; init; } = SmbDialect.Smb311;

    /// <summary>Require signing of every message of an authenticated session.</summary>
    public bool RequireSigning { get; init; }

    /// <summary>Identifies this client across its connections (MS-SMB2 ClientGuid).</summary>
    public Guid ClientGuid { get; init; } = Guid.NewGuid();

    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How long a request may wait for its response before the connection is considered dead and broken
    /// (MS-SMB2 3.2.6.1). Windows uses 60 s (SessTimeout).
    /// </summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// How long a request may wait after the server's interim STATUS_PENDING response. Infinite by default:
    /// CHANGE_NOTIFY and blocking LOCK legitimately wait for as long as nothing happens.
    /// </summary>
    public TimeSpan AsyncRequestTimeout { get; init; } = Timeout.InfiniteTimeSpan;

    /// <summary>
    /// After this long without hearing from the server, the connection sends an ECHO (MS-SMB2 3.2.4.20), so a
    /// dead server or a silently dropped connection is found while idle, not at the next user request.
    /// <see cref="Timeout.InfiniteTimeSpan"/> turns it off.
    /// </summary>
    public TimeSpan KeepAliveInterval { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>The credit balance to grow toward (Samba grants up to 8192).</summary>
    public int TargetCredits { get; init; } = 512;

    /// <summary>SO_RCVBUF/SO_SNDBUF in bytes; 0 keeps the OS's autotuned buffers (best on Linux).</summary>
    public int SocketBufferSize { get; init; }

    /// <summary>Where connection events go (negotiated, broken, sessions, reconnects). Never receives secrets.</summary>
    public ILogger Logger { get; init; } = NullLogger.Instance;
}
