// MS-FSCC 2.4.47 FileStandardInformation
using DokanRedirector.Smb.Messages;

namespace DokanRedirector.Smb.Info;

/// <summary>Sizes, link count and the delete-pending and directory flags of a file.</summary>
public readonly record struct FileStandardInformation(
    long AllocationSize, long EndOfFile, uint NumberOfLinks, bool DeletePending, bool Directory)
    : ISmbQueryInfo<FileStandardInformation>
{
    internal const int Length =
        sizeof(long) // AllocationSize
        + sizeof(long) // EndOfFile
        + sizeof(uint) // NumberOfLinks
        + sizeof(byte) // DeletePending
        + sizeof(byte) // Directory
        + sizeof(ushort); // Reserved

    public static SmbInfoType InfoType => SmbInfoType.File;

    public static byte InfoClass => (byte)SmbFileInfoClass.FileStandardInformation;

    public static int MaxOutputLength => Length;

    public static FileStandardInformation Read(ReadOnlySpan<byte> buffer)
    {
        WireReader.Require(buffer, Length, "FileStandardInformation");
        return new FileStandardInformation(
            FsccReader.Size(buffer, 0, "FileStandardInformation.AllocationSize"),
            FsccReader.Size(buffer, 8, "FileStandardInformation.EndOfFile"),
            FsccReader.UInt32(buffer, 16),
            FsccReader.Boolean(buffer, 20),
            FsccReader.Boolean(buffer, 21));
    }
}
