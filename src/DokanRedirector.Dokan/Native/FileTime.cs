using System.Runtime.InteropServices;

namespace DokanRedirector.Dokan.Native;

/// <summary>FILETIME (minwinbase.h): two DWORDs, so 4-byte aligned inside the structs that hold it.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct FileTime
{
    public uint Low;
    public uint High;

    public static FileTime From(DateTime time)
    {
        var value = time <= DateTime.FromFileTimeUtc(0) ? 0 : time.ToFileTimeUtc();
        return new FileTime { Low = (uint)value, High = (uint)(value >> 32) };
    }

    public readonly long Value => (long)(((ulong)High << 32) | Low);
}
