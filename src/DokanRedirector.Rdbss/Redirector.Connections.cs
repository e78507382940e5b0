using DokanRedirector.Rdbss.Mrx;
using DokanRedirector.Rdbss.Naming;
using DokanRedirector.Rdbss.Structures;

namespace DokanRedirector.Rdbss;

// Device connections, as WNetAddConnection2 / WNetCancelConnection2 / WNetEnumResource handle them.
public sealed partial class Redirector
{
    /// <summary>
    /// Maps <paramref name="localName"/> to <paramref name="remoteName"/> as <paramref name="credentials"/>.
    /// Fails with STATUS_DEVICE_ALREADY_ATTACHED when the local name is in use (ERROR_ALREADY_ASSIGNED).
    /// </summary>
    public async ValueTask<RxResult<Connection>> ConnectAsync(string localName, UncName remoteName,
        UserCredentials? credentials, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(localName);
        if (IsDisposed)
        {
            return NtStatus.VolumeDismounted;
        }
        if (remoteName.Share is null)
        {
            return NtStatus.BadNetworkName; // \\server alone cannot be mapped
        }
        var connection = new Connection(localName, remoteName, credentials);
        using (_table.EnterExclusive())
        {
            // Reserved now, so a second connect of the same name fails even while the first is in flight.
            if (!_connections.TryAdd(localName, connection))
            {
                return NtStatus.DeviceAlreadyAttached;
            }
        }
        var status = await BuildConnectionViewAsync(connection, cancellationToken);
        if (!status.IsSuccess)
        {
            return status;
        }
        Log.Connected(_log, localName, remoteName.ToString());
        return connection;
    }

    /// <summary>
    /// Cancels the connection(s) named by local name, or by remote name. Without <paramref name="force"/>
    /// it refuses with STATUS_FILES_OPEN and lists the handles while any is open. With it, it runs
    /// ForceFinalizeAllVNetRoots on the share: every handle on it is closed on the server and answers
    /// STATUS_CONNECTION_DISCONNECTED from then on.
    /// </summary>
    public async ValueTask<RxResult<IReadOnlyList<OpenFileInfo>>> DisconnectAsync(string name, bool force)
    {
        var work = new ForceWork();
        List<Connection> targets;
        using (_table.EnterExclusive())
        {
            targets = FindConnections(name);
            if (targets.Count == 0)
            {
                return NtStatus.NotFound;
            }
            if (!force)
            {
                var open = OpenFiles(targets);
                if (open.Count > 0)
                {
                    return new RxResult<IReadOnlyList<OpenFileInfo>>(NtStatus.FilesOpen, open);
                }
            }
            foreach (var connection in targets)
            {
                _connections.Remove(connection.LocalName);
                if (connection.VNetRoot is not { } v)
                {
                    continue;
                }
                work.Holders.Add(v);
                if (force)
                {
                    ForceFinalizeAllVNetRoots(v.NetRoot, work);
                }
                else
                {
                    // No program's handle is open (checked above, under this lock), so closing it is safe; the
                    // front end's watches go with it (their pending notifications answer at once).
                    v.MarkClosed(NtStatus.NetworkNameDeleted);
                    Unlink(v, work.Unlinked);
                    OrphanFobxs(v, work);
                }
            }
        }
        await CompleteForceAsync(work);
        foreach (var connection in targets)
        {
            Log.Disconnected(_log, connection.LocalName, connection.RemoteName.ToString(), force, work.Orphaned.Count);
        }
        return RxResult<IReadOnlyList<OpenFileInfo>>.Ok(OpenFilesOf(work.Orphaned));
    }

    /// <summary>The <c>use</c> table.</summary>
    public IReadOnlyList<ConnectionInfo> ListConnections()
    {
        using var scope = _table.EnterShared();
        return [.. _connections.Values
            .OrderBy(c => c.LocalName, StringComparer.OrdinalIgnoreCase)
            .Select(c => new ConnectionInfo(c.LocalName, c.RemoteName.ToString(),
                c.VNetRoot?.Condition ?? Condition.InTransition, c.Credentials?.Identity,
                c.VNetRoot?.Fobxs.Values.Count(f => !f.IsWatch) ?? 0))];
    }

    /// <summary>The connection a front end was mounted for, or null.</summary>
    public Connection? FindConnection(string localName)
    {
        using var scope = _table.EnterShared();
        return _connections.GetValueOrDefault(localName);
    }

    /// <summary>
    /// Builds the connection's view. A view that was built and then closed by a concurrent forced
    /// disconnect of the share still makes a connection: it reconnects on first use, as a mapped drive does.
    /// </summary>
    private async ValueTask<NtStatus> BuildConnectionViewAsync(Connection connection, CancellationToken ct)
    {
        var constructed = await FindOrConstructAsync(connection.RemoteName, connection.LocalName, connection.Credentials);
        NtStatus status;
        if (!constructed.IsSuccess)
        {
            status = constructed.Status;
        }
        else
        {
            var v = constructed.Value!;
            try
            {
                await v.StableTask.WaitAsync(ct);
                status = v.Status;
            }
            catch (OperationCanceledException)
            {
                status = NtStatus.Cancelled;
            }
            VNetRoot? drop = v;
            if (status.IsSuccess)
            {
                using (_table.EnterExclusive())
                {
                    drop = AttachView(connection, v);
                    // A disconnect of this name while it was being connected cancels the connect.
                    status = connection.VNetRoot == v ? NtStatus.Success : NtStatus.Cancelled;
                }
            }
            if (drop is not null)
            {
                await ReleaseAsync(drop);
            }
        }
        if (!status.IsSuccess)
        {
            using (_table.EnterExclusive())
            {
                if (_connections.GetValueOrDefault(connection.LocalName) == connection)
                {
                    _connections.Remove(connection.LocalName);
                }
            }
        }
        return status;
    }

    /// <summary>A device's view is gone (another device's forced disconnect finalized the share):
    /// build a new one with the connection's credentials, as Windows reconnects a mapped drive.
    /// Returns the view referenced for the caller.</summary>
    private async ValueTask<RxResult<VNetRoot>> ReconnectAsync(string device, CancellationToken ct)
    {
        var connection = FindConnection(device);
        if (connection is null)
        {
            return NtStatus.NoSuchDevice;
        }
        var established = await EstablishAsync(() => FindOrConstructAsync(connection.RemoteName, device, connection.Credentials), ct);
        if (!established.IsSuccess)
        {
            return established;
        }
        var v = established.Value!;
        v.Reference(); // offered to the connection
        VNetRoot? drop;
        using (_table.EnterExclusive())
        {
            drop = AttachView(connection, v);
        }
        if (drop is not null)
        {
            await ReleaseAsync(drop);
        }
        return v;
    }

    /// <summary>
    /// Makes <paramref name="v"/> the connection's view, taking over one reference the caller offers.
    /// Returns the reference the caller must drop: the view replaced, or <paramref name="v"/> itself when
    /// it is attached already or the connection is gone; null when nothing is left over.
    /// Caller holds the table lock exclusively.
    /// </summary>
    private VNetRoot? AttachView(Connection connection, VNetRoot v)
    {
        if (_connections.GetValueOrDefault(connection.LocalName) != connection || connection.VNetRoot == v)
        {
            return v;
        }
        var replaced = connection.VNetRoot;
        connection.VNetRoot = v;
        return replaced;
    }

    private List<Connection> FindConnections(string name)
    {
        if (_connections.TryGetValue(name, out var byLocal))
        {
            return [byLocal];
        }
        return UncName.TryParse(name, out var unc) ? [.. _connections.Values.Where(c => c.RemoteName == unc)] : [];
    }

    private static List<OpenFileInfo> OpenFiles(List<Connection> connections) =>
        OpenFilesOf(connections.SelectMany(c => c.VNetRoot?.Fobxs.Values ?? Enumerable.Empty<Fobx>()));

    // Programs' handles only: a front end's watches are its own business (Fobx.IsWatch).
    private static List<OpenFileInfo> OpenFilesOf(IEnumerable<Fobx> fobxs) =>
        [.. fobxs.Where(f => !f.IsWatch).OrderBy(f => f.Id).Select(f => new OpenFileInfo(f.Id, f.Name, f.ProcessId))];
}
