using DokanRedirector.Fuse.Native;

namespace DokanRedirector.Fuse.FileSystem;

/// <summary>
/// A fuse_req_t: answered exactly once, from any thread, by one of these methods. A reply returns
/// 0 or −errno: it fails when the kernel gave up on the request (interrupted, connection aborted).
/// </summary>
internal readonly unsafe struct FuseRequest(nint handle)
{
    public nint Handle => handle;

    /// <summary>fuse_req_ctx: the calling process.</summary>
    public int ProcessId => LibFuse.RequestContext(handle)->Pid;

    public int ReplyError(int errno) => LibFuse.ReplyErr(handle, errno);

    public int ReplyStatus(NtStatus status) => ReplyError(status.IsSuccess ? 0 : ErrnoMapping.ToErrno(status));

    public void ReplyNone() => LibFuse.ReplyNone(handle);

    public int ReplyEntry(FuseEntryParam entry) => LibFuse.ReplyEntry(handle, &entry);

    public int ReplyCreate(FuseEntryParam entry, FuseFileInfo fileInfo) => LibFuse.ReplyCreate(handle, &entry, &fileInfo);

    public int ReplyAttributes(Stat stat, double timeout) => LibFuse.ReplyAttr(handle, &stat, timeout);

    public int ReplyOpen(FuseFileInfo fileInfo) => LibFuse.ReplyOpen(handle, &fileInfo);

    public int ReplyWrite(int count) => LibFuse.ReplyWrite(handle, (nuint)count);

    public int ReplyBuffer(ReadOnlySpan<byte> data)
    {
        fixed (byte* p = data)
        {
            return LibFuse.ReplyBuffer(handle, p, (nuint)data.Length);
        }
    }

    /// <summary>Data in pieces, one after the other; each must stay pinned until this returns.</summary>
    public int ReplyPieces(ReadOnlySpan<IoVec> pieces)
    {
        fixed (IoVec* p = pieces)
        {
            return LibFuse.ReplyIov(handle, p, pieces.Length);
        }
    }

    public int ReplyStatFs(StatVfs stat) => LibFuse.ReplyStatFs(handle, &stat);
}
