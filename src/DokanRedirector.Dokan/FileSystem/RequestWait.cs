using DokanRedirector.Dokan.Native;

namespace DokanRedirector.Dokan.FileSystem;

/// <summary>
/// Dokan callbacks are synchronous: the dispatch thread waits here for the adapter's asynchronous work, asking
/// for more time (<see cref="IRequestTimeout"/>) while the network is slow, so dokan2.dll does not give up on
/// the request and unmount.
/// </summary>
internal static class RequestWait
{
    public static T Wait<T>(ValueTask<T> work, IRequestTimeout timeout, ref DokanFileInfo info)
    {
        if (work.IsCompleted)
        {
            return work.GetAwaiter().GetResult();
        }
        var task = work.AsTask();
        var done = ((IAsyncResult)task).AsyncWaitHandle;
        while (!done.WaitOne(timeout.Interval))
        {
            timeout.Extend(ref info);
        }
        return task.GetAwaiter().GetResult();
    }
}
