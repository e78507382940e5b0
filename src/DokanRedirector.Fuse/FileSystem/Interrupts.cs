using System.Collections.Concurrent;
using DokanRedirector.Fuse.Bridge;
using DokanRedirector.Fuse.Native;

namespace DokanRedirector.Fuse.FileSystem;

/// <summary>
/// FUSE_INTERRUPT: a process waiting in a syscall on the mount got a signal (Ctrl+C), and the kernel asks us to
/// give up the request. An interruptible handler's waits end with STATUS_CANCELLED, answered EINTR, instead of
/// waiting out a slow or silent server. Only operations that change nothing on the server are interruptible
/// (read, readdir, lookup, getattr, statfs, and a write still waiting for room before anything is sent): giving
/// up on a create or a rename halfway would leave the caller not knowing whether it happened.
/// </summary>
/// <remarks>libfuse gets an id, not a pointer: its callback may come just after the reply, when the scope is gone.</remarks>
internal sealed class Interrupts(CancellationToken lifetime)
{
    private readonly ConcurrentDictionary<long, CancellationTokenSource> _waiting = new();
    private long _lastId;

    /// <summary>Makes <paramref name="request"/> interruptible until the scope is disposed (after its reply).</summary>
    public unsafe Scope Begin(FuseRequest request)
    {
        var id = Interlocked.Increment(ref _lastId);
        var source = CancellationTokenSource.CreateLinkedTokenSource(lifetime);
        _waiting[id] = source;
        LibFuse.RequestInterruptFunction(request.Handle, &FuseBridge.Interrupt, (nint)id);
        return new Scope(this, id, source);
    }

    public void Interrupt(long id)
    {
        if (_waiting.TryGetValue(id, out var source))
        {
            try
            {
                source.Cancel();
            }
            catch (ObjectDisposedException)
            {
                // Answered and disposed in the meantime: nothing left to interrupt.
            }
        }
    }

    /// <summary>One interruptible request: pass <see cref="Token"/> to its waits.</summary>
    public readonly struct Scope(Interrupts owner, long id, CancellationTokenSource source) : IDisposable
    {
        public CancellationToken Token => source.Token;

        public void Dispose()
        {
            owner._waiting.TryRemove(id, out _);
            source.Dispose();
        }
    }
}
