using System.Collections.Concurrent;
using DokanRedirector.Rdbss;
using DokanRedirector.Rdbss.Naming;
using DokanRedirector.SmbMiniRdr;
using Microsoft.Extensions.Logging;

namespace DokanRedirector.Cli.Service;

/// <summary>
/// What <c>serve</c> (and the demo) runs: the one Redirector and every mount of its connections. A
/// connection and its mount live and die together: a failed mount drops the connection, a disconnect
/// unmounts, and a mount someone else unmounted (<c>umount</c>) is disconnected.
/// </summary>
internal sealed class RedirectorService(
    Redirector redirector, SmbMiniRedirector servers, IMountFrontEnd frontEnd, CredentialStore credentials,
    ILogger<RedirectorService> logger) : IAsyncDisposable
{
    // Mount point → its connection and mount; keyed like the Redirector's connection table.
    private readonly ConcurrentDictionary<string, ShareMount> _mounts = new(StringComparer.OrdinalIgnoreCase);
    private IMount? _networkRoot;

    public Redirector Redirector => redirector;

    /// <summary>Registers how to reach a server and whom to log on as there by UNC name (a credentials file line).</summary>
    public void AddServer(ServerCredential server)
    {
        servers.SetServer(server.Server, server.Settings);
        credentials.Remember(server.Server, server.Credentials);
    }

    /// <summary>Connects the share, then mounts it; either both happen or neither.</summary>
    public async Task<ServiceResult> UseAsync(ShareMapping mapping, CancellationToken cancellationToken)
    {
        var local = mapping.LocalName;
        // A drive letter (Windows) is the front end's to claim; a mount point must exist already.
        if (!OperatingSystem.IsWindows() && !Directory.Exists(local))
        {
            return new ServiceResult(NtStatus.ObjectPathNotFound,
                $"The mount point {local} does not exist or is not a directory; create it first (mkdir -p {local}).", []);
        }
        // Before the connect: the SrvCall it may create dials with these settings.
        servers.SetServer(mapping.RemoteName.Server, mapping.Server);
        var connected = await redirector.ConnectAsync(local, mapping.RemoteName, mapping.Credentials, cancellationToken);
        if (!connected.IsSuccess)
        {
            return connected.Status == NtStatus.DeviceAlreadyAttached
                ? new ServiceResult(connected.Status, $"{local} is already in use by another connection; choose another mount point.", [])
                : ServiceResult.Failed(connected.Status, $"Cannot connect to {mapping.RemoteName}");
        }
        credentials.Remember(mapping.RemoteName.Server, mapping.Credentials);
        IMount mount;
        try
        {
            mount = await frontEnd.MountShareAsync(redirector, connected.Value!, local,
                new MountOptions(mapping.ReadOnly, FsName(mapping.RemoteName)), cancellationToken);
        }
        catch (Exception e) when (e is MountException or OperationCanceledException)
        {
            Log.MountFailed(logger, local, e.Message);
            await redirector.DisconnectAsync(local, force: true);
            return new ServiceResult(e is MountException ? NtStatus.Unsuccessful : NtStatus.Cancelled,
                $"Cannot mount {mapping.RemoteName} at {local}: {e.Message}", []);
        }
        var entry = new ShareMount(connected.Value!, mount);
        _mounts[local] = entry;
        Log.Mounted(logger, mapping.RemoteName.ToString(), local, mapping.Credentials.Identity);
        _ = DisconnectWhenUnmountedAsync(local, entry);
        return ServiceResult.Done();
    }

    /// <summary>
    /// <c>use NAME --delete</c>. Without <paramref name="force"/>: refuses while files are open and names them by
    /// their local paths, else disconnects and unmounts. With it: unmounts by force first (every call on the mount
    /// fails at once, and the writes programs were told succeeded land), then ForceFinalizeAllVNetRoots closes
    /// what is still open on the server. The core, not the front end, releases those handles: Dokan never reports
    /// them once the volume is gone.
    /// </summary>
    public async Task<ServiceResult> DeleteAsync(string name, bool force)
    {
        var targets = Targets(name);
        if (!force)
        {
            var disconnected = await redirector.DisconnectAsync(name, force: false);
            if (disconnected.Status == NtStatus.FilesOpen)
            {
                return new ServiceResult(NtStatus.FilesOpen,
                    $"There are open files on {name}. Close them, or use --force (their handles will then fail).",
                    LocalPaths(targets, disconnected.Value ?? []));
            }
            if (!disconnected.IsSuccess)
            {
                return ServiceResult.Failed(disconnected.Status, name);
            }
            await UnmountClaimedAsync(targets, force: false);
            return ServiceResult.Done();
        }
        // Listed before the unmount: the front end closes the handles it knows of as its mount ends.
        var open = OpenFiles(targets);
        await UnmountClaimedAsync(targets, force: true);
        var forced = await redirector.DisconnectAsync(name, force: true);
        if (!forced.IsSuccess)
        {
            return ServiceResult.Failed(forced.Status, name);
        }
        return ServiceResult.Done(LocalPaths(targets, [.. open.Concat(forced.Value ?? []).DistinctBy(f => f.Handle)]));
    }

    public IReadOnlyList<ConnectionInfo> ListConnections() => redirector.ListConnections();

    public IReadOnlyList<SrvCallStatus> GetStatus() => redirector.GetStatus();

    /// <summary>Serves every server by UNC name below <paramref name="mountPoint"/>.</summary>
    /// <exception cref="MountException">The mount could not be made.</exception>
    public async Task MountNetworkRootAsync(string mountPoint, CancellationToken cancellationToken)
    {
        _networkRoot = await frontEnd.MountNetworkRootAsync(redirector, mountPoint,
            new MountOptions(ReadOnly: false, FsName: "dokanredirector"), cancellationToken);
        Log.NetworkRootMounted(logger, mountPoint);
    }

    /// <summary>Force-disconnects and unmounts everything: the service is going away, and so are its mounts.</summary>
    public async ValueTask DisposeAsync()
    {
        var all = _mounts.ToList();
        await UnmountClaimedAsync(all, force: true);
        foreach (var (local, _) in all)
        {
            await redirector.DisconnectAsync(local, force: true);
        }
        if (Interlocked.Exchange(ref _networkRoot, null) is { } root)
        {
            await UnmountAsync(root, force: true);
        }
    }

    private async Task DisconnectWhenUnmountedAsync(string local, ShareMount entry)
    {
        await entry.Mount.Completion.ContinueWith(static _ => { }, TaskScheduler.Default);
        // Still listed: nobody asked us, so someone ran umount. The connection has nothing to serve any more.
        if (_mounts.TryRemove(new(local, entry)))
        {
            Log.UnmountedOutside(logger, local);
            await redirector.DisconnectAsync(local, force: true);
        }
    }

    /// <summary>
    /// Takes the mounts out of the table before unmounting them, so their ending does not look like an
    /// unmount from outside (which would disconnect on its own).
    /// </summary>
    private async Task UnmountClaimedAsync(List<KeyValuePair<string, ShareMount>> targets, bool force)
    {
        foreach (var target in targets)
        {
            if (_mounts.TryRemove(target))
            {
                await UnmountAsync(target.Value.Mount, force);
            }
        }
    }

    /// <summary>
    /// The connection is gone by now, so a mount left behind would only answer errors: when a normal unmount
    /// finds it busy (a shell's current directory holds no handle the core could refuse for), it is forced.
    /// </summary>
    private async Task UnmountAsync(IMount mount, bool force)
    {
        try
        {
            await mount.UnmountAsync(force);
        }
        catch (MountException e) when (!force)
        {
            Log.UnmountFailed(logger, mount.MountPoint, e.Message);
            await UnmountAsync(mount, force: true);
        }
        catch (MountException e)
        {
            Log.UnmountFailed(logger, mount.MountPoint, e.Message);
        }
    }

    private List<KeyValuePair<string, ShareMount>> Targets(string name) =>
        _mounts.TryGetValue(name, out var byLocal) ? [new(name, byLocal)]
        : UncName.TryParse(name, out var unc) ? [.. _mounts.Where(m => m.Value.Connection.RemoteName == unc)]
        : [];

    private List<OpenFileInfo> OpenFiles(List<KeyValuePair<string, ShareMount>> targets) =>
        [.. redirector.GetStatus().SelectMany(s => s.NetRoots).SelectMany(n => n.VNetRoots)
            .Where(v => targets.Exists(t => string.Equals(t.Key, v.Device, StringComparison.OrdinalIgnoreCase)))
            .SelectMany(v => v.OpenFiles)];

    /// <summary>Open files by the path a local program used: <c>/mnt/x/dir/f</c> for <c>\\server\share\dir\f</c>.</summary>
    private static List<OpenFileInfo> LocalPaths(List<KeyValuePair<string, ShareMount>> targets, IReadOnlyList<OpenFileInfo> files) =>
        [.. files.Select(f => targets.Select(t => ShareMount.LocalPath(t.Key, t.Value.Connection.RemoteName, f.Name))
            .FirstOrDefault(p => p is not null) is { } path ? f with { Name = path } : f)];

    private static string FsName(UncName remote) => remote.ToString().Replace('\\', '/');
}
