// MS-SMB2 3.2.5.19 Receiving an SMB2 OPLOCK_BREAK Notification, and 2.2.24 its acknowledgment
using DokanRedirector.Smb.Crypto;
using DokanRedirector.Smb.Messages;

namespace DokanRedirector.Smb;

public sealed partial class SmbFile
{
    // Guards the caching state and the break queue. Taken after SmbOpenTable's lock, never before it.
    private readonly Lock _cachingLock = new();
    private SmbOplockLevel _oplockLevel;
    private SmbLease? _lease;
    private Task _breaks = Task.CompletedTask;

    /// <summary>
    /// The oplock held, or <see cref="SmbOplockLevel.Lease"/> when <see cref="Lease"/> says what is held: as the
    /// CREATE granted it, lowered by every break since.
    /// </summary>
    public SmbOplockLevel OplockLevel
    {
        get
        {
            lock (_cachingLock)
            {
                return _oplockLevel;
            }
        }
    }

    /// <summary>
    /// The lease granted (RqLs), its state lowered by every break since; null when none was requested, supported
    /// or granted.
    /// </summary>
    public SmbLease? Lease
    {
        get
        {
            lock (_cachingLock)
            {
                return _lease;
            }
        }
    }

    /// <summary>
    /// Called when the server breaks this open's oplock or lease, before the break is acknowledged: a cache
    /// flushes its dirty data here (the server lets this open write while it waits). Runs on the thread pool,
    /// one break at a time per open, in the order they came; the token is cancelled when the connection breaks.
    /// An exception is logged and the break acknowledged anyway. Without a handler the break is acknowledged at
    /// once, which is all a redirector that caches nothing owes the server.
    /// </summary>
    public Func<SmbBreak, CancellationToken, Task>? BreakHandler { get; set; }

    /// <summary>Lowers the oplock to <paramref name="level"/> after the handler ran; returns the level held before.</summary>
    internal Task<SmbOplockLevel> BreakOplockAsync(SmbOplockLevel level) =>
        Enqueue(async () =>
        {
            var held = OplockLevel;
            await NotifyAsync(new SmbBreak(SmbBreak.CachingOf(held), SmbBreak.CachingOf(level), IsLease: false)).ConfigureAwait(false);
            lock (_cachingLock)
            {
                _oplockLevel = level;
            }
            return held;
        });

    /// <summary>Lowers the lease to the notification's new state (and epoch, 3.x) after the handler ran.</summary>
    internal Task<SmbBreak> BreakLeaseAsync(LeaseBreakNotification notice) =>
        Enqueue(async () =>
        {
            var broken = new SmbBreak(notice.CurrentLeaseState, notice.NewLeaseState, IsLease: true);
            await NotifyAsync(broken).ConfigureAwait(false);
            lock (_cachingLock)
            {
                // NewEpoch is reserved before 3.x (2.2.23.2).
                _lease = _lease!.Value with
                {
                    State = notice.NewLeaseState,
                    Epoch = Connection.Dialect.IsSmb3() ? notice.NewEpoch : _lease.Value.Epoch,
                };
            }
            return broken;
        });

    /// <summary>
    /// Sends an oplock or lease break acknowledgment on this open's tree and session, signed or sealed as they
    /// require. Nothing is sent once the open is closed: closing gave the caching back.
    /// </summary>
    internal async Task AcknowledgeBreakAsync<TRequest>(TRequest acknowledgment)
        where TRequest : ISmbRequest
    {
        if (IsClosed)
        {
            return;
        }
        try
        {
            using var response = await Tree.SendAsync(acknowledgment, CancellationToken.None).ConfigureAwait(false);
            // An error (the open closed meanwhile, the server gave up waiting) leaves nothing to undo.
            Log.BreakAcknowledged(Connection.Logger, FullPath, acknowledgment.Command, response.Status);
        }
        catch (SmbException)
        {
            // The connection broke: the server dropped the open and its caching with it.
        }
        catch (ObjectDisposedException)
        {
            // The session logged off, which closed the open on the server.
        }
    }

    // Runs step off the receive loop once this open's earlier breaks are done.
    private Task<T> Enqueue<T>(Func<Task<T>> step)
    {
        lock (_cachingLock)
        {
            var next = AfterAsync(_breaks, step);
            _breaks = next;
            return next;
        }

        static async Task<T> AfterAsync(Task previous, Func<Task<T>> step)
        {
            // ForceYielding: the receive loop that queued this returns at once, even when nothing is ahead.
            await previous.ConfigureAwait(ConfigureAwaitOptions.ForceYielding | ConfigureAwaitOptions.SuppressThrowing);
            return await step().ConfigureAwait(false);
        }
    }

    // The owner's chance to flush before the acknowledgment; a failing handler does not hold the break up.
    private async Task NotifyAsync(SmbBreak broken)
    {
        Log.BreakReceived(Connection.Logger, Connection.Endpoint, broken.IsLease ? "lease" : "oplock", FullPath, broken.From, broken.To);
        if (BreakHandler is not { } handler || IsClosed)
        {
            return;
        }
        try
        {
            await handler(broken, Connection.BrokenToken).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            Log.BreakHandlerFailed(Connection.Logger, FullPath, e);
        }
    }
}
