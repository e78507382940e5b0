using System.Runtime.InteropServices;

namespace DokanRedirector.Fuse.Native;

/// <summary>struct fuse_forget_data (fuse_lowlevel.h): one element of forget_multi.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct FuseForgetData
{
    public ulong Ino;
    public ulong Lookups;
}
