using System.Runtime.InteropServices;
using DokanRedirector.Fuse.Bridge;
using DokanRedirector.Fuse.Native;

namespace DokanRedirector.Fuse.Mounting;

/// <summary>
/// One libfuse low-level session (fuse_lowlevel.h): fuse_session_new → fuse_session_mount →
/// fuse_session_loop_mt → fuse_session_unmount → fuse_session_destroy. Not thread-safe: the mount
/// drives it from one place at a time.
/// </summary>
internal sealed unsafe class FuseSession
{
    private nint _session;

    private FuseSession(nint session) => _session = session;

    /// <summary>fuse_session_new with our operations table; <paramref name="userdata"/> is the mount's id.</summary>
    public static FuseSession Create(IReadOnlyList<string> arguments, nint userdata)
    {
        var argv = new nint[arguments.Count];
        try
        {
            for (var i = 0; i < argv.Length; i++)
            {
                argv[i] = Marshal.StringToCoTaskMemUTF8(arguments[i]);
            }
            fixed (nint* values = argv)
            {
                // libfuse copies what it keeps of the options, so argv is ours to free afterwards.
                var args = new FuseArgs { Count = argv.Length, Values = (byte**)values, Allocated = 0 };
                var session = LibFuse.SessionNew(&args, FuseBridge.Operations, (nuint)sizeof(FuseLowLevelOps), userdata);
                if (session == 0)
                {
                    throw new FuseMountException($"fuse_session_new refused the mount options ({LibFuseLog.TakeLastMessage() ?? "no reason given"}).");
                }
                return new FuseSession(session);
            }
        }
        finally
        {
            foreach (var value in argv)
            {
                Marshal.FreeCoTaskMem(value);
            }
        }
    }

    /// <summary>fuse_session_mount: mount(2) as root, fusermount3 otherwise.</summary>
    public void Mount(string mountPoint)
    {
        if (LibFuse.SessionMount(_session, mountPoint) != 0)
        {
            var reason = LibFuseLog.TakeLastMessage() ?? "no reason given";
            var hint = KernelMount.IsRoot ? "" : " A non-root user needs fusermount3 (apt-get install fuse3) and access to /dev/fuse.";
            throw new FuseMountException($"Could not mount on {mountPoint}: {reason}.{hint}");
        }
    }

    /// <summary>
    /// Serves requests until the kernel connection ends (unmount, abort) with libfuse's multithreaded loop.
    /// Handlers only start work and return, so a few workers suffice; they are the reading side only.
    /// </summary>
    public int Run(uint maxThreads)
    {
        var config = LibFuse.LoopConfigCreate();
        try
        {
            LibFuse.LoopConfigSetMaxThreads(config, maxThreads);
            LibFuse.LoopConfigSetIdleThreads(config, maxThreads);
            return LibFuse.SessionLoopMt(_session, config);
        }
        finally
        {
            LibFuse.LoopConfigDestroy(config);
        }
    }

    /// <summary>Makes the kernel ask for <paramref name="ino"/>'s attributes again at its next use. Safe from a
    /// handler (it takes no inode lock with a negative offset). After <see cref="Close"/>, does nothing.</summary>
    public void InvalidateAttributes(ulong ino)
    {
        var session = Volatile.Read(ref _session);
        if (session != 0)
        {
            LibFuse.NotifyInvalidateInode(session, ino, offset: -1, length: 0);
        }
    }

    /// <summary>Makes the kernel look <paramref name="name"/> up again in <paramref name="parent"/>. Blocks while a
    /// request in that directory holds its lock, so only from outside request handlers. After <see cref="Close"/>,
    /// does nothing.</summary>
    public void InvalidateEntry(ulong parent, string name)
    {
        var session = Volatile.Read(ref _session);
        if (session == 0)
        {
            return;
        }
        var utf8 = System.Text.Encoding.UTF8.GetBytes(name);
        fixed (byte* bytes = utf8)
        {
            LibFuse.NotifyInvalidateEntry(session, parent, bytes, (nuint)utf8.Length);
        }
    }

    /// <summary>fuse_session_unmount (a no-op once the connection is gone, a lazy unmount otherwise), then
    /// fuse_session_destroy. Only after the loop ended and every reply was sent.</summary>
    public void Close()
    {
        var session = Interlocked.Exchange(ref _session, 0);
        if (session != 0)
        {
            LibFuse.SessionUnmount(session);
            LibFuse.SessionDestroy(session);
        }
    }
}
