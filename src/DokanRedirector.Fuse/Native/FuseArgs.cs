using System.Runtime.InteropServices;

namespace DokanRedirector.Fuse.Native;

/// <summary>struct fuse_args (fuse_opt.h): argc/argv for fuse_session_new.</summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct FuseArgs
{
    public int Count;
    public byte** Values;
    /// <summary>Non-zero if libfuse allocated <see cref="Values"/> (and must free it); ours are 0.</summary>
    public int Allocated;
}
