using System.Runtime.InteropServices;

namespace DokanRedirector.Fuse.Native;

/// <summary>struct fuse_ctx (fuse_lowlevel.h): who made a request.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct FuseCtx
{
    public uint Uid;
    public uint Gid;
    public int Pid;
    public uint Umask;
}
