// MS-FSCC 2.4.27 FileInternalInformation
using DokanRedirector.Smb.Messages;

namespace DokanRedirector.Smb.Info;

/// <summary>The file system's 64-bit file id; 0 when the file system has none.</summary>
public readonly record struct FileInternalInformation(long IndexNumber) : ISmbQueryInfo<FileInternalInformation>
{
    internal const int Length = sizeof(long); // IndexNumber

    public static SmbInfoType InfoType => SmbInfoType.File;

    public static byte InfoClass => (byte)SmbFileInfoClass.FileInternalInformation;

    public static int MaxOutputLength => Length;

    public static FileInternalInformation Read(ReadOnlySpan<byte> buffer)
    {
        WireReader.Require(buffer, Length, "FileInternalInformation");
        return new FileInternalInformation(FsccReader.Int64(buffer, 0));
    }
}
