using System.Runtime.InteropServices;

namespace DokanRedirector.Dokan.Native;

/// <summary>BY_HANDLE_FILE_INFORMATION (fileapi.h), what GetFileInformation fills.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct ByHandleFileInformation
{
    public uint FileAttributes;
    public FileTime CreationTime;
    public FileTime LastAccessTime;
    public FileTime LastWriteTime;
    public uint VolumeSerialNumber;
    public uint FileSizeHigh;
    public uint FileSizeLow;
    public uint NumberOfLinks;
    public uint FileIndexHigh;
    public uint FileIndexLow;
}
