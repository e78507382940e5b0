using DokanRedirector.Rdbss.Structures;

namespace DokanRedirector.Rdbss;

// The scavenger: finalizes what has sat at the table's floor for ScavengerDelay, so a quick reopen
// reuses a connection but an idle server is eventually let go (RDBSS's RxScavengeVNetRoots and the
// SrvCall scavenging of the mini-redirectors).
public sealed partial class Redirector
{
    /// <summary>One scavenger pass; also runs on a timer. Returns how many structures it finalized.</summary>
    public async Task<int> ScavengeAsync()
    {
        if (IsDisposed || Interlocked.Exchange(ref _scavenging, 1) != 0)
        {
            return 0;
        }
        try
        {
            var now = _time.GetTimestamp();
            var delay = (long)(_options.ScavengerDelay.TotalSeconds * _time.TimestampFrequency);
            var idle = new List<NetNode>();
            using (_table.EnterExclusive())
            {
                foreach (var node in _table.Snapshot())
                {
                    if (IsScavengeable(node, now, delay))
                    {
                        Unlink(node, idle);
                    }
                }
            }
            // Views first, so their shares (finalized with their last view) go before the servers.
            foreach (var node in idle.OrderBy(n => n is SrvCall))
            {
                await ReleaseAsync(node);
            }
            if (idle.Count > 0)
            {
                Log.Scavenged(_log, idle.Count);
            }
            return idle.Count;
        }
        finally
        {
            Volatile.Write(ref _scavenging, 0);
        }
    }

    private static bool IsScavengeable(NetNode node, long now, long delay)
    {
        if (node.ReferenceCount != 1)
        {
            return false; // someone besides the table holds it
        }
        return node switch
        {
            SrvCall { Condition: Condition.Bad } s => now >= s.BadUntil,
            SrvCall or VNetRoot => node.Condition == Condition.Good && node.DormantSince >= 0 && now - node.DormantSince >= delay,
            _ => false,
        };
    }
}
