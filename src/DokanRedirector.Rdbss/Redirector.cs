using System.Collections.Concurrent;
using DokanRedirector.Rdbss.Prefix;
using DokanRedirector.Rdbss.Structures;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace DokanRedirector.Rdbss;

/// <summary>
/// The façade front ends call: path-based create, handle operations, connect/disconnect/list.
/// Statuses, not exceptions: every method answers an NTSTATUS.
/// </summary>
/// <remarks>
/// Lock order: prefix table (<see cref="_table"/>) → FCB table → FCB → Fobx gate; a node's condition gate
/// (<see cref="NetNode"/>) is a leaf taken under any of them. No lock is held
/// across an await; the mini-redirector is never called under a lock.
/// Invariant: a node's count is its table reference + one per child + one per holder (caller,
/// construction, connection, SrvOpen). At the floor (table only) it is finalizable: NetRoots at once,
/// VNetRoots and SrvCalls after the scavenger's delay.
/// </remarks>
public sealed partial class Redirector : IAsyncDisposable
{
    private readonly IMiniRedirector _mrx;
    private readonly RedirectorOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _log;
    private readonly PrefixTable _table = new();
    private readonly RxDispatcher _dispatcher = new();
    // Handle id → Fobx. Orphaned handles stay as tombstones until their owner closes them, so every
    // later operation on them answers STATUS_CONNECTION_DISCONNECTED rather than an invalid handle.
    private readonly ConcurrentDictionary<long, Fobx> _handles = new();
    // Local name → connection. Guarded by the prefix-table lock (exclusive to change).
    private readonly Dictionary<string, Connection> _connections = new(StringComparer.OrdinalIgnoreCase);
    private readonly ITimer _scavengerTimer;
    private long _lastHandleId;
    private int _scavenging;
    private int _disposed;

    public Redirector(IMiniRedirector miniRedirector, RedirectorOptions? options = null, ILogger<Redirector>? logger = null)
    {
        _mrx = miniRedirector;
        _options = options ?? new RedirectorOptions();
        _time = _options.TimeProvider;
        _log = (ILogger?)logger ?? NullLogger.Instance;
        var period = TimeSpan.FromTicks(Math.Max(_options.ScavengerDelay.Ticks / 2, TimeSpan.TicksPerSecond));
        _scavengerTimer = _time.CreateTimer(static s => _ = ((Redirector)s!).ScavengeAsync(), this, period, period);
    }

    /// <summary>Open handles, including orphaned ones not yet closed by their owner.</summary>
    public int HandleCount => _handles.Count;

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }
        await _scavengerTimer.DisposeAsync();
        // Set-up still in flight ends (Cancelled) and cleans up after itself first.
        await _dispatcher.DisposeAsync();

        var work = new ForceWork();
        List<NetNode> remaining;
        using (_table.EnterExclusive())
        {
            foreach (var connection in _connections.Values)
            {
                if (connection.VNetRoot is { } held)
                {
                    work.Holders.Add(held);
                }
            }
            _connections.Clear();
            foreach (var node in _table.Snapshot())
            {
                if (node is NetRoot net)
                {
                    ForceFinalizeAllVNetRoots(net, work);
                }
            }
            remaining = _table.Snapshot();
            foreach (var node in remaining)
            {
                node.ForceFinalize = true;
                _table.Remove(node);
            }
        }
        await CompleteForceAsync(work);
        // Shares before servers: children finalize before parents.
        foreach (var node in remaining.OrderBy(n => n is SrvCall))
        {
            await ReleaseAsync(node);
        }
        _handles.Clear();
        _table.Dispose();
    }

    private long Deadline(TimeSpan after) =>
        _time.GetTimestamp() + (long)(after.TotalSeconds * _time.TimestampFrequency);

    private bool IsDisposed => Volatile.Read(ref _disposed) != 0;
}
