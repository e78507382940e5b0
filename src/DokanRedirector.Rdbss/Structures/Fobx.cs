namespace DokanRedirector.Rdbss.Structures;

/// <summary>
/// FOBX: a user's handle. It holds one reference on itself for the handle and one per operation in
/// flight; when the last one goes, its SrvOpen is closed on the server and the parents released.
/// </summary>
public sealed class Fobx
{
    // Guards _state and _references together, so an operation can only start while the handle is
    // Open, and the handle's own reference is only dropped after it left Open: the count cannot
    // reach 0 while Open. Never held across an await; innermost lock (after FCB).
    private readonly Lock _gate = new();
    private readonly CancellationTokenSource _orphaned = new();
    private readonly TaskCompletionSource _finalized = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private FobxState _state = FobxState.Open;
    private int _references = 1;

    internal Fobx(long id, SrvOpen srvOpen, string name, int processId, bool isWatch)
    {
        Id = id;
        SrvOpen = srvOpen;
        Name = name;
        ProcessId = processId;
        IsWatch = isWatch;
    }

    /// <summary>The handle id front ends hold (FUSE fh, Dokan context).</summary>
    public long Id { get; }

    public SrvOpen SrvOpen { get; }

    /// <summary>The full UNC name, for "open files" listings.</summary>
    public string Name { get; }

    /// <summary>The opening process where the front end knows it, else 0.</summary>
    public int ProcessId { get; }

    /// <summary>A front end's own directory watch (<see cref="Redirector.OpenWatchAsync"/>), not a program's handle:
    /// it is never listed as an open file, and a normal disconnect closes it instead of being refused by it.</summary>
    public bool IsWatch { get; }

    public FobxState State
    {
        get
        {
            lock (_gate)
            {
                return _state;
            }
        }
    }

    /// <summary>Cancelled when the handle is orphaned, so operations in flight end at once.</summary>
    internal CancellationToken OrphanedToken => _orphaned.Token;

    /// <summary>Completes when the SrvOpen has been closed and the parents released.</summary>
    internal Task Finalized => _finalized.Task;

    /// <summary>Takes an operation reference if the handle is still open.</summary>
    internal bool TryAcquire()
    {
        lock (_gate)
        {
            if (_state != FobxState.Open)
            {
                return false;
            }
            _references++;
            return true;
        }
    }

    /// <summary>Moves Open → <paramref name="to"/> once. Returns false if it already left Open. The
    /// caller then drops the handle's own reference with <see cref="Release"/>.</summary>
    internal bool TryLeaveOpen(FobxState to)
    {
        lock (_gate)
        {
            if (_state != FobxState.Open)
            {
                return false;
            }
            _state = to;
        }
        if (to == FobxState.Orphaned)
        {
            _orphaned.Cancel();
        }
        return true;
    }

    /// <summary>Drops a reference; true when it was the last (the caller then finalizes).</summary>
    internal bool Release()
    {
        lock (_gate)
        {
            return --_references == 0;
        }
    }

    internal void MarkFinalized() => _finalized.TrySetResult();

    public override string ToString() => $"Fobx #{Id} {Name} [{State}]";
}
