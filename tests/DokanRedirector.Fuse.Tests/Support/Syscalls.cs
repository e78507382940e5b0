using System.Runtime.InteropServices;

namespace DokanRedirector.Fuse.Tests.Support;

/// <summary>Syscalls no shell tool makes with a visible errno.</summary>
internal static partial class Syscalls
{
    private const int AtFdCwd = -100;       // AT_FDCWD (fcntl.h)
    public const uint RenameNoReplace = 1;  // RENAME_NOREPLACE (linux/fs.h)

    /// <summary>renameat2(2); 0 or the errno.</summary>
    public static int Rename(string from, string to, uint flags) =>
        RenameAt2(AtFdCwd, from, AtFdCwd, to, flags) == 0 ? 0 : Marshal.GetLastPInvokeError();

    [LibraryImport("libc.so.6", EntryPoint = "renameat2", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int RenameAt2(int oldDirectory, string oldPath, int newDirectory, string newPath, uint flags);
}
