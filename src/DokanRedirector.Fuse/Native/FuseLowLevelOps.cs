using System.Runtime.InteropServices;

namespace DokanRedirector.Fuse.Native;

/// <summary>
/// struct fuse_lowlevel_ops (fuse_lowlevel.h, libfuse 3.14): 44 function pointers, 352 bytes, in header
/// order. A null entry is answered ENOSYS by libfuse. Arguments: fuse_req_t → nint, fuse_ino_t → ulong,
/// off_t → long, size_t → nuint, mode_t → uint.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct FuseLowLevelOps
{
    /// <summary>void init(void *userdata, struct fuse_conn_info *conn): returns void, not void*.</summary>
    public delegate* unmanaged<nint, FuseConnInfo*, void> Init;
    public delegate* unmanaged<nint, void> Destroy;
    public delegate* unmanaged<nint, ulong, byte*, void> Lookup;
    public delegate* unmanaged<nint, ulong, ulong, void> Forget;
    public delegate* unmanaged<nint, ulong, FuseFileInfo*, void> GetAttr;
    public delegate* unmanaged<nint, ulong, Stat*, int, FuseFileInfo*, void> SetAttr;
    public nint ReadLink;
    public nint MkNod;
    public delegate* unmanaged<nint, ulong, byte*, uint, void> MkDir;
    public delegate* unmanaged<nint, ulong, byte*, void> Unlink;
    public delegate* unmanaged<nint, ulong, byte*, void> RmDir;
    public nint SymLink;
    public delegate* unmanaged<nint, ulong, byte*, ulong, byte*, uint, void> Rename;
    public nint Link;
    public delegate* unmanaged<nint, ulong, FuseFileInfo*, void> Open;
    public delegate* unmanaged<nint, ulong, nuint, long, FuseFileInfo*, void> Read;
    public delegate* unmanaged<nint, ulong, byte*, nuint, long, FuseFileInfo*, void> Write;
    public delegate* unmanaged<nint, ulong, FuseFileInfo*, void> Flush;
    public delegate* unmanaged<nint, ulong, FuseFileInfo*, void> Release;
    public delegate* unmanaged<nint, ulong, int, FuseFileInfo*, void> FSync;
    public delegate* unmanaged<nint, ulong, FuseFileInfo*, void> OpenDir;
    public delegate* unmanaged<nint, ulong, nuint, long, FuseFileInfo*, void> ReadDir;
    public delegate* unmanaged<nint, ulong, FuseFileInfo*, void> ReleaseDir;
    public nint FSyncDir;
    public delegate* unmanaged<nint, ulong, void> StatFs;
    public nint SetXAttr;
    public nint GetXAttr;
    public nint ListXAttr;
    public nint RemoveXAttr;
    public nint Access;
    public delegate* unmanaged<nint, ulong, byte*, uint, FuseFileInfo*, void> Create;
    public nint GetLk;
    public nint SetLk;
    public nint BMap;
    public nint IoCtl;
    public nint Poll;
    /// <summary>Left null: with it set libfuse would call it instead of <see cref="Write"/>.</summary>
    public nint WriteBuf;
    public nint RetrieveReply;
    public delegate* unmanaged<nint, nuint, FuseForgetData*, void> ForgetMulti;
    /// <summary>void flock(fuse_req_t req, fuse_ino_t ino, struct fuse_file_info *fi, int op): LOCK_SH/EX/UN | LOCK_NB.</summary>
    public delegate* unmanaged<nint, ulong, FuseFileInfo*, int, void> Flock;
    public nint FAllocate;
    public delegate* unmanaged<nint, ulong, nuint, long, FuseFileInfo*, void> ReadDirPlus;
    public nint CopyFileRange;
    public nint LSeek;
}
