// MS-FSCC 2.4.2 FileAllInformation
using DokanRedirector.Smb.Messages;

namespace DokanRedirector.Smb.Info;

/// <summary>
/// Basic, standard, internal, EA, access, position, mode, alignment and name information in one query.
/// <see cref="FileName"/> is the server's name for the file (for SMB2, typically share-relative).
/// </summary>
public readonly record struct FileAllInformation(
    FileBasicInformation Basic,
    FileStandardInformation Standard,
    long IndexNumber,
    uint EaSize,
    NtAccessMask AccessFlags,
    long CurrentByteOffset,
    uint Mode,
    uint AlignmentRequirement,
    string FileName)
    : ISmbQueryInfo<FileAllInformation>
{
    private const int InternalOffset = FileBasicInformation.Length + FileStandardInformation.Length;

    private const int FixedLength =
        FileBasicInformation.Length // BasicInformation
        + FileStandardInformation.Length // StandardInformation
        + sizeof(long) // InternalInformation.IndexNumber
        + sizeof(uint) // EaInformation.EaSize
        + sizeof(uint) // AccessInformation.AccessFlags
        + sizeof(long) // PositionInformation.CurrentByteOffset
        + sizeof(uint) // ModeInformation.Mode
        + sizeof(uint) // AlignmentInformation.AlignmentRequirement
        + sizeof(uint); // NameInformation.FileNameLength, then FileName

    public static SmbInfoType InfoType => SmbInfoType.File;

    public static byte InfoClass => (byte)SmbFileInfoClass.FileAllInformation;

    public static int MaxOutputLength => FixedLength + FsccReader.MaxNameLength;

    public static FileAllInformation Read(ReadOnlySpan<byte> buffer)
    {
        WireReader.Require(buffer, FixedLength, "FileAllInformation");
        return new FileAllInformation(
            FileBasicInformation.Read(buffer),
            FileStandardInformation.Read(buffer[FileBasicInformation.Length..]),
            FsccReader.Int64(buffer, InternalOffset),
            FsccReader.UInt32(buffer, InternalOffset + 8),
            (NtAccessMask)FsccReader.UInt32(buffer, InternalOffset + 12),
            FsccReader.Size(buffer, InternalOffset + 16, "FileAllInformation.CurrentByteOffset"),
            FsccReader.UInt32(buffer, InternalOffset + 24),
            FsccReader.UInt32(buffer, InternalOffset + 28),
            FsccReader.Name(buffer, FixedLength, FsccReader.UInt32(buffer, FixedLength - 4), "FileAllInformation.FileName"));
    }
}
