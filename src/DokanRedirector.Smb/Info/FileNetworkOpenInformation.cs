// MS-FSCC 2.4.33 FileNetworkOpenInformation
using DokanRedirector.Smb.Messages;

namespace DokanRedirector.Smb.Info;

/// <summary>What a stat needs in one query: times (raw FILETIMEs), sizes and attributes.</summary>
public readonly record struct FileNetworkOpenInformation(
    long CreationTime,
    long LastAccessTime,
    long LastWriteTime,
    long ChangeTime,
    long AllocationSize,
    long EndOfFile,
    NtFileAttributes FileAttributes)
    : ISmbQueryInfo<FileNetworkOpenInformation>
{
    internal const int Length =
        sizeof(long) // CreationTime
        + sizeof(long) // LastAccessTime
        + sizeof(long) // LastWriteTime
        + sizeof(long) // ChangeTime
        + sizeof(long) // AllocationSize
        + sizeof(long) // EndOfFile
        + sizeof(uint) // FileAttributes
        + sizeof(uint); // Reserved

    public static SmbInfoType InfoType => SmbInfoType.File;

    public static byte InfoClass => (byte)SmbFileInfoClass.FileNetworkOpenInformation;

    public static int MaxOutputLength => Length;

    public static FileNetworkOpenInformation Read(ReadOnlySpan<byte> buffer)
    {
        WireReader.Require(buffer, Length, "FileNetworkOpenInformation");
        return new FileNetworkOpenInformation(
            FsccReader.Int64(buffer, 0),
            FsccReader.Int64(buffer, 8),
            FsccReader.Int64(buffer, 16),
            FsccReader.Int64(buffer, 24),
            FsccReader.Size(buffer, 32, "FileNetworkOpenInformation.AllocationSize"),
            FsccReader.Size(buffer, 40, "FileNetworkOpenInformation.EndOfFile"),
            (NtFileAttributes)FsccReader.UInt32(buffer, 48));
    }
}
