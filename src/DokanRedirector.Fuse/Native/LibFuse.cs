using System.Runtime.InteropServices;

namespace DokanRedirector.Fuse.Native;

/// <summary>
/// The part of libfuse3's low-level API (fuse_lowlevel.h, fuse_common.h, fuse_log.h) we use, bound to
/// <c>libfuse3.so.3</c> at run time. Every <c>fuse_reply_*</c> may be called from any thread, once per request.
/// </summary>
internal static unsafe partial class LibFuse
{
    public const string Library = "libfuse3.so.3";

    [LibraryImport(Library, EntryPoint = "fuse_session_new")]
    public static partial nint SessionNew(FuseArgs* args, FuseLowLevelOps* ops, nuint opsSize, nint userdata);

    [LibraryImport(Library, EntryPoint = "fuse_session_mount", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int SessionMount(nint session, string mountPoint);

    /// <summary>The 3.12+ multithreaded loop (the versioned default of fuse_session_loop_mt).</summary>
    [LibraryImport(Library, EntryPoint = "fuse_session_loop_mt_312")]
    public static partial int SessionLoopMt(nint session, nint config);

    [LibraryImport(Library, EntryPoint = "fuse_session_unmount")]
    public static partial void SessionUnmount(nint session);

    [LibraryImport(Library, EntryPoint = "fuse_session_destroy")]
    public static partial void SessionDestroy(nint session);

    [LibraryImport(Library, EntryPoint = "fuse_loop_cfg_create")]
    public static partial nint LoopConfigCreate();

    [LibraryImport(Library, EntryPoint = "fuse_loop_cfg_destroy")]
    public static partial void LoopConfigDestroy(nint config);

    [LibraryImport(Library, EntryPoint = "fuse_loop_cfg_set_max_threads")]
    public static partial void LoopConfigSetMaxThreads(nint config, uint value);

    [LibraryImport(Library, EntryPoint = "fuse_loop_cfg_set_idle_threads")]
    public static partial void LoopConfigSetIdleThreads(nint config, uint value);

    /// <summary>fuse_log.h: the process-wide sink of libfuse's own messages (va_list passed as a pointer).</summary>
    [LibraryImport(Library, EntryPoint = "fuse_set_log_func")]
    public static partial void SetLogFunction(delegate* unmanaged<int, byte*, nint, void> function);

    [LibraryImport(Library, EntryPoint = "fuse_req_userdata")]
    [SuppressGCTransition] // a field read, no syscall, no lock
    public static partial nint RequestUserData(nint request);

    [LibraryImport(Library, EntryPoint = "fuse_req_ctx")]
    [SuppressGCTransition] // a field address, no syscall, no lock
    public static partial FuseCtx* RequestContext(nint request);

    /// <summary>
    /// Calls <paramref name="function"/>(request, data) when the kernel interrupts the request (the caller got a
    /// signal), at once if it already has. It may still be called just after the reply, so data must not
    /// point at anything the reply frees.
    /// </summary>
    [LibraryImport(Library, EntryPoint = "fuse_req_interrupt_func")]
    public static partial void RequestInterruptFunction(nint request, delegate* unmanaged<nint, nint, void> function, nint data);

    /// <summary>
    /// Drops what the kernel caches of an inode: its attributes, and with <paramref name="offset"/> ≥ 0 also its
    /// pages from there (<paramref name="length"/> 0: to the end). Negative offset: attributes only.
    /// -ENOENT when the kernel has no such inode (nothing to drop).
    /// </summary>
    [LibraryImport(Library, EntryPoint = "fuse_lowlevel_notify_inval_inode")]
    public static partial int NotifyInvalidateInode(nint session, ulong ino, long offset, long length);

    /// <summary>Drops the kernel's dentry of <paramref name="name"/> in <paramref name="parent"/>, positive or negative,
    /// so the next use looks it up again. Takes the parent's inode lock: never from a handler in that directory.</summary>
    [LibraryImport(Library, EntryPoint = "fuse_lowlevel_notify_inval_entry")]
    public static partial int NotifyInvalidateEntry(nint session, ulong parent, byte* name, nuint nameLength);

    /// <summary>err is the positive errno; 0 answers success to requests without data.</summary>
    [LibraryImport(Library, EntryPoint = "fuse_reply_err")]
    public static partial int ReplyErr(nint request, int err);

    [LibraryImport(Library, EntryPoint = "fuse_reply_none")]
    public static partial void ReplyNone(nint request);

    [LibraryImport(Library, EntryPoint = "fuse_reply_entry")]
    public static partial int ReplyEntry(nint request, FuseEntryParam* entry);

    [LibraryImport(Library, EntryPoint = "fuse_reply_create")]
    public static partial int ReplyCreate(nint request, FuseEntryParam* entry, FuseFileInfo* fileInfo);

    [LibraryImport(Library, EntryPoint = "fuse_reply_attr")]
    public static partial int ReplyAttr(nint request, Stat* attributes, double timeout);

    [LibraryImport(Library, EntryPoint = "fuse_reply_open")]
    public static partial int ReplyOpen(nint request, FuseFileInfo* fileInfo);

    [LibraryImport(Library, EntryPoint = "fuse_reply_write")]
    public static partial int ReplyWrite(nint request, nuint count);

    [LibraryImport(Library, EntryPoint = "fuse_reply_buf")]
    public static partial int ReplyBuffer(nint request, byte* buffer, nuint size);

    /// <summary>Like fuse_reply_buf, with the data in <paramref name="count"/> pieces the kernel gets in one writev.</summary>
    [LibraryImport(Library, EntryPoint = "fuse_reply_iov")]
    public static partial int ReplyIov(nint request, IoVec* pieces, int count);

    [LibraryImport(Library, EntryPoint = "fuse_reply_statfs")]
    public static partial int ReplyStatFs(nint request, StatVfs* stat);

    /// <summary>Adds one readdir entry; returns the size it needs, and adds nothing if that exceeds bufferSize.</summary>
    [LibraryImport(Library, EntryPoint = "fuse_add_direntry")]
    [SuppressGCTransition] // formats into our buffer, no syscall
    public static partial nuint AddDirEntry(nint request, byte* buffer, nuint bufferSize, byte* name, Stat* stat, long nextOffset);

    /// <summary>Same for readdirplus; an added entry other than "." and ".." counts one lookup.</summary>
    [LibraryImport(Library, EntryPoint = "fuse_add_direntry_plus")]
    [SuppressGCTransition] // formats into our buffer, no syscall
    public static partial nuint AddDirEntryPlus(nint request, byte* buffer, nuint bufferSize, byte* name, FuseEntryParam* entry, long nextOffset);
}
