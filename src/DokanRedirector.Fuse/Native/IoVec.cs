using System.Runtime.InteropServices;

namespace DokanRedirector.Fuse.Native;

/// <summary>struct iovec (sys/uio.h): one piece of a reply written with one writev.</summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct IoVec(void* @base, nuint length)
{
    public void* Base = @base;
    public nuint Length = length;
}
