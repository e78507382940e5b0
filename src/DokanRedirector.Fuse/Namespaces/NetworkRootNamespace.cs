using System.Collections.Concurrent;
using DokanRedirector.Rdbss;
using DokanRedirector.Rdbss.Mrx;
using DokanRedirector.Rdbss.Naming;

namespace DokanRedirector.Fuse.Namespaces;

/// <summary>
/// The network root, as the MUP sees <c>\\</c>: <c>server/share/rest</c> is <c>\\server\share\rest</c>,
/// opened by UNC name. The root lists the servers looked up so far (there is no browse list to ask);
/// <c>server</c> lists its disk shares. A server exists if it answers a share enumeration; one that
/// cannot be reached fails (EHOSTUNREACH, from the core's negative cache after the first try).
/// </summary>
internal sealed class NetworkRootNamespace(Redirector redirector) : MountNamespace
{
    private readonly ConcurrentDictionary<string, string> _servers = new(StringComparer.OrdinalIgnoreCase);

    public override NetPath? Resolve(string path) =>
        path.Contains('/') ? NetPath.Unc(UncName.Parse(@"\\" + path.Replace('/', '\\'))) : null;

    // server/share/…: the first two components.
    public override string? ShareRootOf(string path)
    {
        var server = path.IndexOf('/');
        if (server < 0)
        {
            return null;
        }
        var share = path.IndexOf('/', server + 1);
        return share < 0 ? path : path[..share];
    }

    public override async ValueTask<NtStatus> LookupOwnDirectoryAsync(string path, CancellationToken cancellationToken)
    {
        if (path.Length == 0)
        {
            return NtStatus.Success;
        }
        var shares = await redirector.EnumerateSharesAsync(path, cancellationToken);
        // A server that answers but will not list its shares (no srvsvc, access denied) still exists.
        if (!shares.IsSuccess && IsUnreachable(shares.Status))
        {
            return shares.Status;
        }
        _servers.TryAdd(path, path);
        return NtStatus.Success;
    }

    public override async ValueTask<RxResult<IReadOnlyList<string>>> ListOwnDirectoryAsync(string path, CancellationToken cancellationToken)
    {
        if (path.Length == 0)
        {
            return RxResult<IReadOnlyList<string>>.Ok([.. _servers.Values]);
        }
        var shares = await redirector.EnumerateSharesAsync(path, cancellationToken);
        if (!shares.IsSuccess)
        {
            return shares.Status;
        }
        var disks = new List<string>();
        foreach (var share in shares.Value!)
        {
            if (share is { Type: NetShareType.Disk, IsSpecial: false })
            {
                disks.Add(share.Name);
            }
        }
        return RxResult<IReadOnlyList<string>>.Ok(disks);
    }

    private static bool IsUnreachable(NtStatus status) =>
        status == NtStatus.BadNetworkPath || status == NtStatus.HostUnreachable || status == NtStatus.NetworkUnreachable
        || status == NtStatus.ConnectionRefused || status == NtStatus.RemoteNotListening || status == NtStatus.IoTimeout
        || status == NtStatus.ObjectNameInvalid;
}
