using DokanRedirector.Rdbss.Mrx;
using DokanRedirector.Rdbss.Naming;
using DokanRedirector.Rdbss.Structures;

namespace DokanRedirector.Rdbss;

// Find-or-construct (RxFindOrConstructVirtualNetRoot): lookups under the shared table lock, inserts
// under the exclusive one, set-up on the long-lived worker, every concurrent opener awaiting one outcome.
public sealed partial class Redirector
{
    /// <summary>A view found for a name, referenced for the caller, and the name after PreparseName.</summary>
    private readonly record struct Resolved(VNetRoot VNetRoot, NetPath Path);

    private async ValueTask<RxResult<Resolved>> ResolveAsync(NetPath path, CancellationToken ct)
    {
        if (IsDisposed)
        {
            return NtStatus.VolumeDismounted;
        }
        var preparse = Call(() => (_mrx.PreparseName(path.Name, out var effective), effective), nameof(IMiniRedirector.PreparseName));
        if (!preparse.Status.IsSuccess)
        {
            return preparse.Status;
        }
        path = path with { Name = preparse.Value };
        if (path.Name.Share is null)
        {
            // \\server alone names no share: nothing to open (share listing is separate).
            return NtStatus.BadNetworkName;
        }
        var found = await EstablishAsync(async () => FindReferenced(path) is { } hit
            ? hit
            : path.Device is null
                ? await FindOrConstructAsync(path.Name, device: null, _options.ImplicitCredentials?.Invoke(path.Name))
                : await ReconnectAsync(path.Device, ct), ct);
        return found.IsSuccess ? new Resolved(found.Value!, path) : found.Status;
    }

    /// <summary>
    /// Finds or builds a view and waits until it is Good. A view that a concurrent forced disconnect
    /// closed between being built and being used (STATUS_NETWORK_NAME_DELETED) is built again, a few times.
    /// </summary>
    private async ValueTask<RxResult<VNetRoot>> EstablishAsync(Func<ValueTask<RxResult<VNetRoot>>> findOrConstruct, CancellationToken ct)
    {
        const int attempts = 3;
        for (var attempt = 1; ; attempt++)
        {
            var found = await findOrConstruct();
            if (!found.IsSuccess)
            {
                return found;
            }
            var status = await WaitForGoodAsync(found.Value!, ct);
            if (status.IsSuccess || status != NtStatus.NetworkNameDeleted || attempt == attempts)
            {
                return status.IsSuccess ? found : status;
            }
        }
    }

    /// <summary>Longest-prefix lookup under the shared lock; a device name finds only that device's view.</summary>
    private VNetRoot? FindReferenced(NetPath path)
    {
        using var scope = _table.EnterShared();
        var v = _table.Lookup(path.LookupKey).Node switch
        {
            VNetRoot hit => hit,
            NetRoot net when path.Device is null => net.DefaultVNetRoot,
            _ => null,
        };
        if (v is null || !v.InTable || v.Condition is Condition.Bad or Condition.Closed)
        {
            return null;
        }
        v.Reference();
        return v;
    }

    /// <summary>Waits (with the caller's token) for the shared set-up; the set-up itself is not cancelled.
    /// On failure the caller's reference is released.</summary>
    private async ValueTask<NtStatus> WaitForGoodAsync(VNetRoot v, CancellationToken ct)
    {
        try
        {
            await v.StableTask.WaitAsync(ct);
        }
        catch (OperationCanceledException)
        {
            await ReleaseAsync(v);
            return NtStatus.Cancelled;
        }
        if (v.Condition == Condition.Good)
        {
            return NtStatus.Success;
        }
        var status = v.Status;
        await ReleaseAsync(v);
        return status.IsSuccess ? NtStatus.NetworkNameDeleted : status;
    }

    /// <summary>
    /// Finds or creates the SrvCall, NetRoot and VNetRoot for <paramref name="name"/> under the exclusive
    /// lock and starts the set-up of whatever is new. Returns the VNetRoot referenced for the caller,
    /// possibly still InTransition.
    /// </summary>
    private async ValueTask<RxResult<VNetRoot>> FindOrConstructAsync(UncName name, string? device, UserCredentials? credentials)
    {
        var stale = new List<NetNode>();
        SrvCall? newSrvCall = null;
        VNetRoot? newVNetRoot = null;
        RxResult<VNetRoot> result;
        using (_table.EnterExclusive())
        {
            result = FindOrCreateNodes(name, device, credentials, stale, ref newSrvCall, ref newVNetRoot);
        }
        if (newSrvCall is not null)
        {
            _ = _dispatcher.Post(lifetime => ConstructSrvCallAsync(newSrvCall, lifetime));
        }
        if (newVNetRoot is not null)
        {
            _ = _dispatcher.Post(lifetime => ConstructVNetRootAsync(newVNetRoot, lifetime));
        }
        foreach (var node in stale)
        {
            await ReleaseAsync(node);
        }
        return result;
    }

    private RxResult<VNetRoot> FindOrCreateNodes(UncName name, string? device, UserCredentials? credentials,
        List<NetNode> stale, ref SrvCall? newSrvCall, ref VNetRoot? newVNetRoot)
    {
        var srvCall = _table.Find(name.Take(1).PrefixKey) as SrvCall;
        if (srvCall is { Condition: Condition.Bad })
        {
            if (_time.GetTimestamp() < srvCall.BadUntil)
            {
                return srvCall.Status; // negative cache: a dead server is not re-dialled for every open
            }
            Unlink(srvCall, stale);
            srvCall = null;
        }
        if (srvCall is null)
        {
            // Its first reference is the set-up's, dropped when set-up ends.
            srvCall = new SrvCall(name.Server);
            _table.Insert(srvCall);
            newSrvCall = srvCall;
        }

        var extract = Call(() => (_mrx.ExtractNetRootName(name, srvCall, out var n), n), nameof(IMiniRedirector.ExtractNetRootName));
        if (!extract.Status.IsSuccess || extract.Value < 2 || extract.Value > name.ComponentCount)
        {
            return extract.Status.IsSuccess ? NtStatus.ObjectPathSyntaxBad : extract.Status;
        }
        var netRootName = name.Take(extract.Value);
        var netRoot = _table.Find(netRootName.PrefixKey) as NetRoot;
        if (netRoot is { Condition: Condition.Bad or Condition.Closed })
        {
            Unlink(netRoot, stale);
            netRoot = null;
        }
        var netRootIsNew = netRoot is null;
        if (netRoot is null)
        {
            // Its first reference is held by the set-up of the VNetRoot that constructs it.
            srvCall.Reference();
            netRoot = new NetRoot(srvCall, netRootName.PrefixKey, name.Share!);
            srvCall.NetRoots.Add(netRoot);
            _table.Insert(netRoot);
        }

        var key = NetPath.ViewKey(device, device is null ? netRoot.PrefixKey : name.PrefixKey);
        if (_table.Find(key) is VNetRoot existing)
        {
            if (existing.Condition is Condition.Good or Condition.InTransition)
            {
                existing.Reference();
                return existing;
            }
            Unlink(existing, stale);
        }
        netRoot.Reference();
        var subPath = device is null ? "" : string.Join('\\', name.PathComponents.Skip(extract.Value - 2));
        // First reference: the caller's. Second: the set-up's, dropped when set-up ends.
        var v = new VNetRoot(netRoot, key, device, subPath, credentials);
        v.Reference();
        netRoot.VNetRoots.Add(v);
        _table.Insert(v);
        if (netRootIsNew)
        {
            netRoot.ConstructedBy = v;
        }
        if (netRoot.DefaultVNetRoot is not { InTable: true })
        {
            netRoot.DefaultVNetRoot = v;
        }
        newVNetRoot = v;
        return v;
    }

    /// <summary>MRxCreateSrvCall → callback → MRxSrvCallWinnerNotify, on the worker.</summary>
    private async Task ConstructSrvCallAsync(SrvCall srvCall, CancellationToken lifetime)
    {
        NtStatus status;
        try
        {
            var callback = new SrvCallCallbackContext(srvCall, lifetime);
            var answer = _mrx.CreateSrvCall(srvCall, callback);
            if (answer != NtStatus.Pending)
            {
                callback.Complete(answer);
            }
            status = await callback.Completion.WaitAsync(lifetime);
            if (status.IsSuccess)
            {
                // One mini-redirector, so it always wins the SrvCall.
                status = _mrx.SrvCallWinnerNotify(srvCall, thisMinirdrIsTheWinner: true, callback.RecommunicateContext);
            }
        }
        catch (OperationCanceledException) when (lifetime.IsCancellationRequested)
        {
            status = NtStatus.Cancelled;
        }
        catch (Exception e)
        {
            status = NtStatus.InternalError;
            Log.MiniRedirectorThrew(_log, e, nameof(IMiniRedirector.CreateSrvCall), status);
        }
        if (!status.IsSuccess)
        {
            srvCall.BadUntil = Deadline(_options.NegativeCacheDuration);
        }
        srvCall.CompleteTransition(status);
        Log.Constructed(_log, srvCall.PrefixKey, status);
        await ReleaseAsync(srvCall);
    }

    /// <summary>Waits for the SrvCall (and an existing NetRoot), then MRxCreateVNetRoot → callback.</summary>
    private async Task ConstructVNetRootAsync(VNetRoot v, CancellationToken lifetime)
    {
        var netRoot = v.NetRoot;
        var srvCall = netRoot.SrvCall;
        var constructsNetRoot = netRoot.ConstructedBy == v;
        NtStatus netRootStatus, vNetRootStatus;
        try
        {
            await srvCall.StableTask;
            if (!constructsNetRoot)
            {
                await netRoot.StableTask;
            }
            if (srvCall.Condition != Condition.Good)
            {
                netRootStatus = vNetRootStatus = srvCall.Status;
            }
            else if (!constructsNetRoot && netRoot.Condition != Condition.Good)
            {
                netRootStatus = vNetRootStatus = netRoot.Status;
            }
            else
            {
                var context = new CreateNetRootContext(v, constructsNetRoot, lifetime);
                var answer = _mrx.CreateVNetRoot(context);
                if (answer != NtStatus.Pending)
                {
                    context.Complete(answer, answer);
                }
                (netRootStatus, vNetRootStatus) = await context.Completion.WaitAsync(lifetime);
            }
        }
        catch (OperationCanceledException) when (lifetime.IsCancellationRequested)
        {
            netRootStatus = vNetRootStatus = NtStatus.Cancelled;
        }
        catch (Exception e)
        {
            netRootStatus = vNetRootStatus = NtStatus.InternalError;
            Log.MiniRedirectorThrew(_log, e, nameof(IMiniRedirector.CreateVNetRoot), NtStatus.InternalError);
        }

        if (constructsNetRoot)
        {
            netRoot.CompleteTransition(netRootStatus);
            Log.Constructed(_log, netRoot.PrefixKey, netRootStatus);
        }
        // A view of a share that failed fails with the share's status.
        v.CompleteTransition(netRootStatus.IsSuccess ? vNetRootStatus : netRootStatus);
        Log.Constructed(_log, v.PrefixKey, v.Status);

        // Failed nodes leave the table now; waiters still hold their own references.
        var stale = new List<NetNode>();
        using (_table.EnterExclusive())
        {
            if (v.Condition == Condition.Bad)
            {
                Unlink(v, stale);
            }
            if (constructsNetRoot && netRoot.Condition == Condition.Bad)
            {
                Unlink(netRoot, stale);
            }
        }
        foreach (var node in stale)
        {
            await ReleaseAsync(node);
        }
        if (constructsNetRoot)
        {
            await ReleaseAsync(netRoot);
        }
        await ReleaseAsync(v);
    }

    /// <summary>Removes a node from the table; its table reference goes to <paramref name="stale"/> for
    /// the caller to release once the lock is dropped. Caller holds the lock exclusively.</summary>
    private void Unlink(NetNode node, List<NetNode> stale)
    {
        if (_table.Remove(node))
        {
            stale.Add(node);
        }
    }

    /// <summary>Calls a synchronous MRx routine; an exception (a mini-redirector bug) becomes STATUS_INTERNAL_ERROR.</summary>
    private (NtStatus Status, T Value) Call<T>(Func<(NtStatus, T)> routine, string operation)
    {
        try
        {
            return routine();
        }
        catch (Exception e)
        {
            Log.MiniRedirectorThrew(_log, e, operation, NtStatus.InternalError);
            return (NtStatus.InternalError, default!);
        }
    }
}
