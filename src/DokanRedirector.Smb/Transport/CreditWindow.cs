// MS-SMB2 3.2.4.1.5 Sending Multi-Credit Requests, 3.2.5.1.4 Granting Message Credits
namespace DokanRedirector.Smb.Transport;

/// <summary>
/// The client's side of the credit window: MessageIds are handed out in sequence, a request takes as
/// many as its CreditCharge, and requests that do not fit wait in FIFO order (a large READ is never
/// overtaken by small ones forever). Every response, interim ones included, returns what it grants.
/// </summary>
internal sealed class CreditWindow
{
    /// <summary>One credit pays for 64 KiB of request or response payload.</summary>
    public const int BytesPerCredit = 65536;

    // Guards every field below. Never held across an await; waiters complete asynchronously.
    private readonly Lock _lock = new();
    private readonly Queue<Waiter> _waiters = new();
    private ulong _nextMessageId;
    private int _available;
    private int _inFlight;
    private Exception? _broken;

    /// <param name="target">The balance (in hand plus in flight) to grow toward by asking on every request.</param>
    public CreditWindow(int target)
    {
        Target = target;
        _available = 1; // MessageId 0 (the first NEGOTIATE) needs no grant
    }

    public int Target { get; }

    public int Available
    {
        get
        {
            lock (_lock)
            {
                return _available;
            }
        }
    }

    public int InFlight
    {
        get
        {
            lock (_lock)
            {
                return _inFlight;
            }
        }
    }

    /// <summary>CreditCharge = (max(SendPayloadSize, Expected ResponsePayloadSize) − 1) / 65536 + 1.</summary>
    public static ushort CreditCharge(int sendPayloadSize, int expectedResponsePayloadSize)
    {
        var size = Math.Max(Math.Max(sendPayloadSize, expectedResponsePayloadSize), 1);
        return (ushort)(((size - 1) / BytesPerCredit) + 1);
    }

    /// <summary>
    /// CreditRequest for a request that consumes <paramref name="credits"/>: at least what it spends, plus
    /// enough (at most 256 at a time) to grow the balance toward <see cref="Target"/>.
    /// </summary>
    public ushort CreditRequest(ushort credits)
    {
        lock (_lock)
        {
            // Requests in flight will each be answered with at least what they spent, so count them.
            var balance = _available + _inFlight;
            var growth = Math.Clamp(Target - balance, 0, 256);
            return (ushort)Math.Min(credits + growth, ushort.MaxValue);
        }
    }

    /// <summary>Waits for <paramref name="credits"/> credits and returns the first of as many consecutive MessageIds.</summary>
    public ValueTask<ulong> AcquireAsync(ushort credits, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfZero(credits);
        Waiter waiter;
        lock (_lock)
        {
            if (_broken is not null)
            {
                return ValueTask.FromException<ulong>(_broken);
            }
            if (_waiters.Count == 0 && _available >= credits)
            {
                return ValueTask.FromResult(Take(credits));
            }
            if (_waiters.Count == 0 && _inFlight == 0)
            {
                return ValueTask.FromException<ulong>(Starved(credits));
            }
            waiter = new Waiter(credits);
            _waiters.Enqueue(waiter);
            // Runs at once if ct is already cancelled; the callback takes no lock, so that is safe here.
            waiter.Registration = ct.UnsafeRegister(static (state, token) => ((Waiter)state!).Completion.TrySetCanceled(token), waiter);
        }
        return new ValueTask<ulong>(waiter.Completion.Task);
    }

    /// <summary>Adds the credits a response granted (interim responses included).</summary>
    public void Grant(int credits)
    {
        lock (_lock)
        {
            _available += credits;
            Drain();
        }
    }

    /// <summary>The final response of a request that consumed <paramref name="credits"/> arrived.</summary>
    public void Complete(int credits)
    {
        lock (_lock)
        {
            _inFlight -= credits;
            Drain();
        }
    }

    /// <summary>Fails every waiter and every later acquire with <paramref name="reason"/>.</summary>
    public void Break(Exception reason)
    {
        lock (_lock)
        {
            _broken ??= reason;
            while (_waiters.TryDequeue(out var waiter))
            {
                waiter.Completion.TrySetException(_broken);
                waiter.Registration.Dispose();
            }
        }
    }

    private ulong Take(ushort credits)
    {
        var messageId = _nextMessageId;
        _nextMessageId += credits;
        _available -= credits;
        _inFlight += credits;
        return messageId;
    }

    // Hands credits to waiters in FIFO order; a cancelled head is dropped, a head that does not fit stops the queue.
    private void Drain()
    {
        while (_waiters.TryPeek(out var head))
        {
            if (head.Completion.Task.IsCompleted)
            {
                _waiters.Dequeue();
                continue;
            }
            if (_available < head.Credits)
            {
                if (_inFlight == 0)
                {
                    // Nothing outstanding can grant more: waiting would be forever.
                    _waiters.Dequeue();
                    head.Completion.TrySetException(Starved(head.Credits));
                    head.Registration.Dispose();
                    continue;
                }
                return;
            }
            _waiters.Dequeue();
            if (head.Completion.TrySetResult(_nextMessageId))
            {
                Take(head.Credits);
            }
            head.Registration.Dispose();
        }
    }

    private SmbException Starved(ushort credits) =>
        new($"A request needs {credits} credits but the server has granted only {_available} and none are in flight.", isTransient: false);

    private sealed class Waiter(ushort credits)
    {
        public ushort Credits { get; } = credits;

        public TaskCompletionSource<ulong> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public CancellationTokenRegistration Registration { get; set; }
    }
}
