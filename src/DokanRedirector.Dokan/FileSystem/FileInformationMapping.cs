using DokanRedirector.Dokan.Native;
using DokanRedirector.Rdbss.Mrx;

namespace DokanRedirector.Dokan.FileSystem;

/// <summary>The Redirector's <see cref="FileInformation"/> as the Win32 structs Dokan hands to Windows.</summary>
internal static class FileInformationMapping
{
    public static ByHandleFileInformation ToByHandle(in FileInformation file, uint volumeSerialNumber) => new()
    {
        FileAttributes = Attributes(file),
        CreationTime = FileTime.From(file.CreationTime),
        LastAccessTime = FileTime.From(file.LastAccessTime),
        LastWriteTime = FileTime.From(file.LastWriteTime),
        VolumeSerialNumber = volumeSerialNumber,
        FileSizeHigh = (uint)((ulong)file.EndOfFile >> 32),
        FileSizeLow = (uint)file.EndOfFile,
        NumberOfLinks = 1,
        FileIndexHigh = (uint)((ulong)file.FileId >> 32),
        FileIndexLow = (uint)file.FileId,
    };

    /// <summary>A FindFiles entry; a name longer than MAX_PATH − 1 is cut (NTFS names are at most 255).</summary>
    public static Win32FindData ToFindData(in DirectoryEntry entry)
    {
        var data = new Win32FindData
        {
            FileAttributes = Attributes(entry.Information),
            CreationTime = FileTime.From(entry.Information.CreationTime),
            LastAccessTime = FileTime.From(entry.Information.LastAccessTime),
            LastWriteTime = FileTime.From(entry.Information.LastWriteTime),
            FileSizeHigh = (uint)((ulong)entry.Information.EndOfFile >> 32),
            FileSizeLow = (uint)entry.Information.EndOfFile,
        };
        NulTerminated.Copy(entry.Name, data.FileName);
        return data;
    }

    /// <summary>MS-FSCC 2.6: FILE_ATTRIBUTE_NORMAL stands for "no attribute set".</summary>
    private static uint Attributes(in FileInformation file) =>
        (uint)(file.Attributes == NtFileAttributes.None ? NtFileAttributes.Normal : file.Attributes);
}
