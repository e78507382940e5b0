using DokanRedirector.Rdbss.Mrx;
using DokanRedirector.Smb.Info;
using DokanRedirector.Smb.Messages;

namespace DokanRedirector.SmbMiniRdr;

/// <summary>The SMB client's MS-FSCC structures as the core's <see cref="FileInformation"/>.</summary>
internal static class FileInformationMap
{
    public static FileInformation From(SmbNetworkOpenInfo info, long fileId = 0) => new(
        info.CreationTime, info.LastAccessTime, info.LastWriteTime, info.ChangeTime,
        info.AllocationSize, info.EndOfFile, info.Attributes, fileId);

    public static FileInformation From(FileNetworkOpenInformation info) => new(
        Time(info.CreationTime), Time(info.LastAccessTime), Time(info.LastWriteTime), Time(info.ChangeTime),
        info.AllocationSize, info.EndOfFile, info.FileAttributes, 0);

    public static FileInformation From(FileAllInformation info) => new(
        Time(info.Basic.CreationTime), Time(info.Basic.LastAccessTime), Time(info.Basic.LastWriteTime), Time(info.Basic.ChangeTime),
        info.Standard.AllocationSize, info.Standard.EndOfFile, info.Basic.FileAttributes, info.IndexNumber);

    public static FileInformation From(in FileIdBothDirectoryInformation entry) => new(
        Time(entry.CreationTime), Time(entry.LastAccessTime), Time(entry.LastWriteTime), Time(entry.ChangeTime),
        entry.AllocationSize, entry.EndOfFile, entry.FileAttributes, entry.FileId);

    /// <summary>A FILETIME as UTC; "not set" (0) as default(DateTime), as the CREATE response decoder does.</summary>
    private static DateTime Time(long fileTime) => SmbFileTime.ToDateTime(fileTime) ?? default;

    /// <summary>FILE_BASIC_INFORMATION for a change: 0 leaves a time or the attributes as they are (MS-FSCC 2.4.7).</summary>
    public static FileBasicInformation ToBasic(SetBasicInformation change) => new(
        FileTime(change.CreationTime), FileTime(change.LastAccessTime), FileTime(change.LastWriteTime), FileTime(change.ChangeTime),
        change.Attributes ?? 0);

    private static long FileTime(DateTime? time) => time is { } t ? SmbFileTime.FromDateTime(t) : FileBasicInformation.Unchanged;
}
