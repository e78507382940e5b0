using System.Collections.Concurrent;
using DokanRedirector.Rdbss;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace DokanRedirector.SmbMiniRdr;

/// <summary>
/// The SMB2/3 mini-redirector. SrvCall = one <see cref="Smb.SmbClient"/> (one TCP connection per server,
/// shared by every mount of it); NetRoot = the share; VNetRoot = one account's session view of it (its
/// tree connect) plus a sub-path; SrvOpen = an SMB2 FileId.
/// </summary>
public sealed partial class SmbMiniRedirector : IMiniRedirector
{
    private readonly SmbMiniRedirectorOptions _options;
    private readonly ILoggerFactory _loggerFactory;
    private readonly ILogger _log;
    private readonly ConcurrentDictionary<string, SmbServerSettings> _servers = new(StringComparer.OrdinalIgnoreCase);

    public SmbMiniRedirector(SmbMiniRedirectorOptions? options = null, ILoggerFactory? loggerFactory = null)
    {
        _options = options ?? new SmbMiniRedirectorOptions();
        _loggerFactory = loggerFactory ?? NullLoggerFactory.Instance;
        _log = _loggerFactory.CreateLogger<SmbMiniRedirector>();
    }

    /// <summary>Registers how to reach <paramref name="server"/>; used by SrvCalls created from now on.</summary>
    public void SetServer(string server, SmbServerSettings settings) => _servers[server] = settings;

    /// <summary>The settings <paramref name="server"/> is reached with.</summary>
    public SmbServerSettings GetServer(string server) => _servers.GetValueOrDefault(server) ?? _options.DefaultServer;
}
