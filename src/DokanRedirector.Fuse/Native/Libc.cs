using System.Runtime.InteropServices;

namespace DokanRedirector.Fuse.Native;

/// <summary>The few libc calls the mount life cycle needs.</summary>
internal static unsafe partial class Libc
{
    private const string Library = "libc.so.6";

    /// <summary>umount2(2) flag: detach now, finish when the last user lets go.</summary>
    public const int MntDetach = 2;

    /// <summary>access(2) mode.</summary>
    public const int WriteOk = 2;

    [LibraryImport(Library, EntryPoint = "umount2", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int Umount2(string target, int flags);

    /// <summary>mount(2); used only to mount fusectl at /sys/fs/fuse/connections when nothing did.</summary>
    [LibraryImport(Library, EntryPoint = "mount", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int Mount(string source, string target, string fileSystemType, ulong flags, nint data);

    [LibraryImport(Library, EntryPoint = "access", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int Access(string path, int mode);

    [LibraryImport(Library, EntryPoint = "geteuid")]
    public static partial uint GetEffectiveUserId();

    [LibraryImport(Library, EntryPoint = "getegid")]
    public static partial uint GetEffectiveGroupId();

    /// <summary>Formats a printf-style message with a va_list (passed as a pointer on x86_64 and arm64).</summary>
    [LibraryImport(Library, EntryPoint = "vsnprintf")]
    public static partial int VsnPrintf(byte* buffer, nuint size, byte* format, nint arguments);
}
