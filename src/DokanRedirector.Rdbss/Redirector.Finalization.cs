using DokanRedirector.Rdbss.Structures;

namespace DokanRedirector.Rdbss;

// Reference-counted finalization, children before parents: VNetRoot → (last view) NetRoot →
// (last share, after the scavenger's delay) SrvCall. RDBSS ignores MRx finalize answers; so do we.
public sealed partial class Redirector
{
    /// <summary>What a forced finalization collected under the exclusive lock, finished after it.</summary>
    private sealed class ForceWork
    {
        /// <summary>Handles this pass orphaned: their own reference is dropped here.</summary>
        public List<Fobx> Orphaned { get; } = [];

        /// <summary>Every handle of the views, orphaned now or closing already: all must finish.</summary>
        public List<Fobx> Draining { get; } = [];

        /// <summary>Table references to drop.</summary>
        public List<NetNode> Unlinked { get; } = [];

        /// <summary>Connection references to drop.</summary>
        public List<VNetRoot> Holders { get; } = [];
    }

    /// <summary>
    /// RxForceFinalizeAllVNetRoots: closes every established view of <paramref name="netRoot"/> and orphans
    /// every handle on them, so each later operation fails at once. Runs under the exclusive table lock; the network
    /// work (SMB2 CLOSE of every SrvOpen, then MRxFinalizeVNetRoot(force)) happens in
    /// <see cref="CompleteForceAsync"/> once the lock is dropped.
    /// </summary>
    private void ForceFinalizeAllVNetRoots(NetRoot netRoot, ForceWork work)
    {
        System.Diagnostics.Debug.Assert(_table.IsHeldExclusively, "ForceFinalizeAllVNetRoots needs the exclusive lock.");
        foreach (var v in netRoot.VNetRoots)
        {
            if (v.Condition == Condition.InTransition)
            {
                continue; // still being built: it has no handle yet, and its opener gets it as built
            }
            v.ForceFinalize = true;
            v.MarkClosed(NtStatus.NetworkNameDeleted);
            Unlink(v, work.Unlinked);
            OrphanFobxs(v, work);
        }
    }

    /// <summary>Orphans every handle of <paramref name="v"/>, for <see cref="CompleteForceAsync"/> to close.</summary>
    private static void OrphanFobxs(VNetRoot v, ForceWork work)
    {
        foreach (var fobx in v.Fobxs.Values)
        {
            if (fobx.TryLeaveOpen(FobxState.Orphaned))
            {
                work.Orphaned.Add(fobx);
            }
            work.Draining.Add(fobx);
        }
    }

    /// <summary>Closes what <see cref="ForceFinalizeAllVNetRoots"/> orphaned and drops the references,
    /// which finalizes the views (and the share, when it was its last).</summary>
    private async Task CompleteForceAsync(ForceWork work)
    {
        foreach (var fobx in work.Orphaned)
        {
            if (fobx.Release())
            {
                await FinalizeFobxAsync(fobx);
            }
        }
        // Operations in flight were cancelled by the orphaning; their last release finalizes the rest.
        await Task.WhenAll(work.Draining.Select(f => f.Finalized));
        foreach (var node in work.Unlinked)
        {
            await ReleaseAsync(node);
        }
        foreach (var v in work.Holders)
        {
            await ReleaseAsync(v);
        }
    }

    /// <summary>Drops one reference. At 0 the node (already out of the table) is finalized. At the
    /// table's floor a NetRoot is finalized at once; a VNetRoot or SrvCall turns dormant for the scavenger.</summary>
    private async ValueTask ReleaseAsync(NetNode node)
    {
        var left = node.Dereference();
        if (left == 0)
        {
            await FinalizeAsync(node);
        }
        else if (left == 1 && node.InTable)
        {
            if (node is NetRoot netRoot)
            {
                await FinalizeIdleNetRootAsync(netRoot);
            }
            else
            {
                node.DormantSince = _time.GetTimestamp();
            }
        }
    }

    private async ValueTask FinalizeIdleNetRootAsync(NetRoot netRoot)
    {
        var stale = new List<NetNode>();
        using (_table.EnterExclusive())
        {
            // Re-checked under the lock: a lookup may have referenced it since.
            if (netRoot.ReferenceCount == 1 && netRoot.VNetRoots.Count == 0 && netRoot.Condition != Condition.InTransition)
            {
                Unlink(netRoot, stale);
            }
        }
        foreach (var node in stale)
        {
            await ReleaseAsync(node);
        }
    }

    private async ValueTask FinalizeAsync(NetNode node)
    {
        var force = node.ForceFinalize;
        switch (node)
        {
            case VNetRoot v:
                await CallFinalizeAsync(() => _mrx.FinalizeVNetRoot(v, force), nameof(IMiniRedirector.FinalizeVNetRoot));
                using (_table.EnterExclusive())
                {
                    var netRoot = v.NetRoot;
                    netRoot.VNetRoots.Remove(v);
                    if (netRoot.DefaultVNetRoot == v)
                    {
                        netRoot.DefaultVNetRoot = netRoot.VNetRoots.Find(x => x.InTable && x.Condition == Condition.Good);
                    }
                    v.MarkClosed(NtStatus.NetworkNameDeleted);
                }
                Log.Finalized(_log, v.PrefixKey, force);
                await ReleaseAsync(v.NetRoot);
                break;
            case NetRoot netRoot:
                await CallFinalizeAsync(() => _mrx.FinalizeNetRoot(netRoot, force), nameof(IMiniRedirector.FinalizeNetRoot));
                using (_table.EnterExclusive())
                {
                    netRoot.SrvCall.NetRoots.Remove(netRoot);
                    netRoot.MarkClosed(NtStatus.NetworkNameDeleted);
                }
                Log.Finalized(_log, netRoot.PrefixKey, force);
                await ReleaseAsync(netRoot.SrvCall);
                break;
            case SrvCall srvCall:
                await CallFinalizeAsync(() => _mrx.FinalizeSrvCall(srvCall, force), nameof(IMiniRedirector.FinalizeSrvCall));
                srvCall.MarkClosed(NtStatus.ConnectionDisconnected);
                Log.Finalized(_log, srvCall.PrefixKey, force);
                break;
        }
    }

    /// <summary>Closes a Fobx's SrvOpen on the server once its last reference is gone, then releases
    /// the FCB and the view. Uses no caller's token: a close must happen.</summary>
    private async ValueTask FinalizeFobxAsync(Fobx fobx)
    {
        var srvOpen = fobx.SrvOpen;
        await CallFinalizeAsync(() => _mrx.CloseSrvOpen(srvOpen, CancellationToken.None), nameof(IMiniRedirector.CloseSrvOpen));
        srvOpen.VNetRoot.Fobxs.TryRemove(fobx.Id, out _);
        await ReleaseSrvOpenAsync(srvOpen);
        fobx.MarkFinalized();
    }

    private async ValueTask ReleaseSrvOpenAsync(SrvOpen srvOpen)
    {
        var netRoot = srvOpen.Fcb.NetRoot;
        if (netRoot.FcbTable.Release(srvOpen.Fcb))
        {
            await ReleaseAsync(netRoot);
        }
        await ReleaseAsync(srvOpen.VNetRoot);
    }

    private async ValueTask CallFinalizeAsync(Func<ValueTask<NtStatus>> routine, string operation)
    {
        try
        {
            await routine();
        }
        catch (Exception e)
        {
            Log.MiniRedirectorThrew(_log, e, operation, NtStatus.InternalError);
        }
    }
}
