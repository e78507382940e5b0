namespace DokanRedirector.Rdbss.Structures;

/// <summary>
/// What SrvCall, NetRoot and VNetRoot share: a prefix-table key, a Condition with waiters, the status
/// of construction, and the mini-redirector's own context.
/// </summary>
public abstract class NetNode : RxNode
{
    // Completed when construction leaves InTransition; every concurrent opener awaits the same task,
    // so all of them see the same outcome.
    private readonly TaskCompletionSource _stable = new(TaskCreationOptions.RunContinuationsAsynchronously);
    // Makes a change of condition and of Status one step, so a node closed in the instant its construction
    // succeeds keeps Success as its Status. A leaf: nothing is taken under it, it is never held across an await.
    private readonly Lock _gate = new();
    private int _condition = (int)Condition.InTransition;
    private long _dormantSince = -1;

    private protected NetNode(string prefixKey) => PrefixKey = prefixKey;

    /// <summary>The prefix-table key: <c>\server</c>, <c>\server\share</c>, <c>\server\share\sub</c>.</summary>
    public string PrefixKey { get; }

    public Condition Condition => (Condition)Volatile.Read(ref _condition);

    /// <summary>The outcome of construction (Success when Good, and still Success once a built node is Closed).</summary>
    public NtStatus Status { get; private set; } = NtStatus.Pending;

    /// <summary>The mini-redirector's state for this node (MRx context), e.g. a connection or tree id.</summary>
    public object? Context { get; set; }

    /// <summary>Finalize with force = true (set by a forced disconnect or shutdown).</summary>
    internal bool ForceFinalize { get; set; }

    /// <summary>True while the prefix table holds its reference on this node.</summary>
    internal bool InTable { get; set; }

    /// <summary>When the count last fell to the table's floor (timestamp), or -1 while in use.</summary>
    internal long DormantSince
    {
        get => Volatile.Read(ref _dormantSince);
        set => Volatile.Write(ref _dormantSince, value);
    }

    internal Task StableTask => _stable.Task;

    /// <summary>InTransition → Good or Bad, exactly once; releases every waiter. A node closed meanwhile stays Closed.</summary>
    internal void CompleteTransition(NtStatus status)
    {
        lock (_gate)
        {
            if (_condition == (int)Condition.InTransition)
            {
                // Status first: whoever reads the new condition (a volatile read) also sees the status.
                Status = status;
                Volatile.Write(ref _condition, (int)(status.IsSuccess ? Condition.Good : Condition.Bad));
            }
        }
        _stable.TrySetResult();
    }

    /// <summary>Marks the node finalized; <see cref="Status"/> keeps the construction outcome if there was one.
    /// Waiters (if any were left) are released too.</summary>
    internal void MarkClosed(NtStatus status)
    {
        lock (_gate)
        {
            if (Status == NtStatus.Pending)
            {
                Status = status;
            }
            Volatile.Write(ref _condition, (int)Condition.Closed);
        }
        _stable.TrySetResult();
    }

    public override string ToString() => $"{GetType().Name} {PrefixKey} [{Condition}, refs {ReferenceCount}]";
}
