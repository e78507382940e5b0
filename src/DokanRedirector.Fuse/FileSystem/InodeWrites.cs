namespace DokanRedirector.Fuse.FileSystem;

/// <summary>
/// Write-behind for one inode. A write(2) is answered once its data is copied and its SMB WRITE started,
/// so a sequential writer (dd, cp) keeps up to <see cref="Window"/> writes in flight instead of waiting a
/// round trip per call. What keeps that safe:
/// <list type="bullet">
/// <item>Only a write that continues the previous one starts at once; any other first waits until none is
/// in flight, so two overlapping writes are never in flight together and the server cannot reorder them.</item>
/// <item>Whatever asks the server about the inode (lookup, getattr, setattr, open, read, rename, unlink) or
/// ends a use of it (flush, fsync, release) first waits until none is in flight (<see cref="WhenIdleAsync"/>):
/// nobody sees the file without data the kernel was told is written.</item>
/// <item>A failed write is reported once, by the next write, flush (so close(2) returns it) or fsync, as NFS
/// and cifs report theirs.</item>
/// </list>
/// </summary>
/// <remarks>Lock order: <see cref="_lock"/> is a leaf; the slot semaphore is never awaited under it.</remarks>
internal sealed class InodeWrites
{
    /// <summary>Writes in flight per inode: 8 × 1 MiB (max_write) keeps the SMB client's pipeline full.</summary>
    public const int Window = 8;

    private readonly SemaphoreSlim _slots = new(Window, Window);
    private readonly Lock _lock = new();
    private int _inFlight;
    private long _end = -1; // where the last started write ended
    private NtStatus _failure = NtStatus.Success;
    private TaskCompletionSource? _idle;

    /// <summary>Waits until a write of <paramref name="length"/> bytes at <paramref name="offset"/> may start,
    /// then counts it in flight. Every successful call is matched by one <see cref="Exit"/>.</summary>
    public async ValueTask EnterAsync(long offset, int length, CancellationToken cancellationToken)
    {
        while (true)
        {
            await _slots.WaitAsync(cancellationToken);
            Task idle;
            lock (_lock)
            {
                if (_inFlight == 0 || offset == _end)
                {
                    _inFlight++;
                    _end = offset + length;
                    return;
                }
                idle = IdleTask();
            }
            _slots.Release();
            await idle.WaitAsync(cancellationToken);
        }
    }

    /// <summary>A write finished with <paramref name="status"/>.</summary>
    public void Exit(NtStatus status)
    {
        lock (_lock)
        {
            if (!status.IsSuccess && _failure.IsSuccess)
            {
                _failure = status;
            }
            if (--_inFlight == 0)
            {
                _idle?.TrySetResult();
                _idle = null;
            }
        }
        _slots.Release();
    }

    /// <summary>Completes when no write is in flight.</summary>
    public Task WhenIdleAsync()
    {
        lock (_lock)
        {
            return _inFlight == 0 ? Task.CompletedTask : IdleTask();
        }
    }

    public bool IsIdle
    {
        get
        {
            lock (_lock)
            {
                return _inFlight == 0;
            }
        }
    }

    /// <summary>The first failure since the last call, reported once.</summary>
    public NtStatus TakeFailure()
    {
        lock (_lock)
        {
            var failure = _failure;
            _failure = NtStatus.Success;
            return failure;
        }
    }

    // Under _lock.
    private Task IdleTask() => (_idle ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;
}
