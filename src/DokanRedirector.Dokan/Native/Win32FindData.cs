using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace DokanRedirector.Dokan.Native;

/// <summary>WIN32_FIND_DATAW (minwinbase.h), one entry of FindFiles.</summary>
[StructLayout(LayoutKind.Sequential, CharSet = CharSet.Unicode)]
internal struct Win32FindData
{
    /// <summary>minwindef.h: MAX_PATH.</summary>
    public const int MaxPath = 260;

    public uint FileAttributes;
    public FileTime CreationTime;
    public FileTime LastAccessTime;
    public FileTime LastWriteTime;
    public uint FileSizeHigh;
    public uint FileSizeLow;
    public uint Reserved0;
    public uint Reserved1;
    /// <summary>WCHAR cFileName[MAX_PATH], NUL-terminated.</summary>
    public FileNameBuffer FileName;
    /// <summary>WCHAR cAlternateFileName[14]: the 8.3 name; we have none.</summary>
    public AlternateNameBuffer AlternateFileName;

    [InlineArray(MaxPath)]
    public struct FileNameBuffer
    {
        private char _first;
    }

    [InlineArray(14)]
    public struct AlternateNameBuffer
    {
        private char _first;
    }
}
