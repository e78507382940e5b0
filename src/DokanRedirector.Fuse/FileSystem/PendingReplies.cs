namespace DokanRedirector.Fuse.FileSystem;

/// <summary>
/// Counts requests whose reply is still to come. A <c>fuse_req_t</c> must not outlive its session, so the
/// loop's end waits for this count to reach zero before fuse_session_destroy.
/// </summary>
internal sealed class PendingReplies
{
    private readonly TaskCompletionSource _drained = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _count = 1; // the session's own reference, dropped by DrainAsync

    public void Add() => Interlocked.Increment(ref _count);

    public void Done()
    {
        if (Interlocked.Decrement(ref _count) == 0)
        {
            _drained.TrySetResult();
        }
    }

    /// <summary>Called once, after the session loop ended (so no request can start any more).</summary>
    public Task DrainAsync()
    {
        Done();
        return _drained.Task;
    }
}
