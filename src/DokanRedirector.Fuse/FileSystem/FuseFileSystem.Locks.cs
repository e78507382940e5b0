using System.Collections.Concurrent;
using DokanRedirector.Fuse.Native;

namespace DokanRedirector.Fuse.FileSystem;

// flock(2) as an SMB2 byte-range lock (MS-SMB2 3.2.4.19), so that other machines see it. A flock lock belongs to an
// open file description and an SMB2 lock to an open: one for one. The lock is on one byte far past any data, not on
// the data: SMB2 locks are mandatory (a shared lock refuses writes even to its holder, an exclusive one reads to
// every other open), flock is advisory. .NET alone takes a flock on every FileStream it opens and then writes. So
// the data stays readable and writable, other mounts of ours see each other's flocks, and a Windows program's
// whole-file lock (LockFileEx over every byte) conflicts with ours both ways. POSIX (fcntl) locks stay the kernel's,
// local to this machine: their per-process, split-and-merge ranges have no faithful SMB2 equivalent.
internal sealed partial class FuseFileSystem
{
    // <sys/file.h>
    private const int LockShared = 1;
    private const int LockExclusive = 2;
    private const int LockNonBlocking = 4;
    private const int LockUnlock = 8;

    // The byte flock locks: the last one a signed 64-bit offset reaches, where no file has data.
    internal const long FlockByte = long.MaxValue - 1;

    // The flock each handle holds: true for exclusive. Gone with the handle (the server drops its locks on CLOSE).
    private readonly ConcurrentDictionary<long, bool> _flocks = new();

    public void Flock(FuseRequest request, long handle, int operation) =>
        Start(request, FlockAsync(request, handle, operation), "flock");

    private async ValueTask FlockAsync(FuseRequest request, long handle, int operation)
    {
        // flock(2) converts a lock by dropping it and taking the new one, not atomically: so do we.
        if (_flocks.TryRemove(handle, out _))
        {
            var unlocked = await _redirector.UnlockAsync(handle, FlockByte, 1, Lifetime);
            if (!unlocked.IsSuccess)
            {
                request.ReplyStatus(unlocked);
                return;
            }
        }
        if ((operation & LockUnlock) != 0)
        {
            request.ReplyError(0);
            return;
        }
        var exclusive = (operation & LockExclusive) != 0;
        if (!exclusive && (operation & LockShared) == 0)
        {
            request.ReplyError(Errno.EINVAL);
            return;
        }
        // A blocking flock waits on the server for as long as the other holder keeps it; a signal (FUSE_INTERRUPT)
        // cancels it (SMB2 CANCEL) and the caller gets EINTR.
        using var interrupt = _interrupts.Begin(request);
        var locked = await _redirector.LockAsync(handle, FlockByte, 1, exclusive, failImmediately: (operation & LockNonBlocking) != 0,
            interrupt.Token);
        if (locked.IsSuccess)
        {
            _flocks[handle] = exclusive;
        }
        request.ReplyStatus(locked); // LOCK_NOT_GRANTED → EAGAIN (EWOULDBLOCK), as flock -n expects
    }
}
