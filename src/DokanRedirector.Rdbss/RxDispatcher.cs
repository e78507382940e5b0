namespace DokanRedirector.Rdbss;

/// <summary>
/// The redirector's long-lived worker: the user-mode analogue of posting to the RDBSS system process.
/// Work posted here runs under the redirector's lifetime, never the token or execution context of the
/// request that triggered it, so cancelling that request cannot tear down what others now share.
/// </summary>
internal sealed class RxDispatcher : IAsyncDisposable
{
    private readonly CancellationTokenSource _lifetime = new();
    private readonly Lock _gate = new();
    private readonly HashSet<Task> _running = [];
    private bool _disposed;

    public CancellationToken Lifetime => _lifetime.Token;

    /// <summary>Starts <paramref name="work"/> detached from the caller; the returned task never faults.</summary>
    public Task Post(Func<CancellationToken, Task> work)
    {
        Task task;
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            // No AsyncLocal state of the caller flows into shared set-up.
            using (ExecutionContext.SuppressFlow())
            {
                task = Task.Run(() => work(_lifetime.Token));
            }
            _running.Add(task);
        }
        return task.ContinueWith(Forget, this, CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    public async ValueTask DisposeAsync()
    {
        Task[] running;
        lock (_gate)
        {
            _disposed = true;
            running = [.. _running];
        }
        await _lifetime.CancelAsync();
        await Task.WhenAll(running.Select(t => t.ContinueWith(static _ => { }, TaskScheduler.Default)));
        _lifetime.Dispose();
    }

    private static void Forget(Task task, object? state)
    {
        var self = (RxDispatcher)state!;
        lock (self._gate)
        {
            self._running.Remove(task);
        }
    }
}
