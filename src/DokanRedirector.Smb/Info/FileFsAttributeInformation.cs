// MS-FSCC 2.5.1 FileFsAttributeInformation
using DokanRedirector.Smb.Messages;

namespace DokanRedirector.Smb.Info;

/// <summary>What the file system supports, the longest name component it allows, and its name (e.g. "NTFS").</summary>
public readonly record struct FileFsAttributeInformation(
    NtFileSystemAttributes FileSystemAttributes, int MaximumComponentNameLength, string FileSystemName)
    : ISmbQueryInfo<FileFsAttributeInformation>
{
    private const int FixedLength =
        sizeof(uint) // FileSystemAttributes
        + sizeof(int) // MaximumComponentNameLength
        + sizeof(uint); // FileSystemNameLength, then FileSystemName

    public static SmbInfoType InfoType => SmbInfoType.FileSystem;

    public static byte InfoClass => (byte)SmbFsInfoClass.FileFsAttributeInformation;

    public static int MaxOutputLength => FixedLength + FsccReader.MaxNameLength;

    public static FileFsAttributeInformation Read(ReadOnlySpan<byte> buffer)
    {
        WireReader.Require(buffer, FixedLength, "FileFsAttributeInformation");
        var maximumComponentNameLength = (int)FsccReader.UInt32(buffer, 4);
        if (maximumComponentNameLength <= 0)
        {
            throw new SmbProtocolException(
                $"FileFsAttributeInformation.MaximumComponentNameLength is {maximumComponentNameLength}; it must be positive.");
        }
        return new FileFsAttributeInformation(
            (NtFileSystemAttributes)FsccReader.UInt32(buffer, 0),
            maximumComponentNameLength,
            FsccReader.Name(buffer, FixedLength, FsccReader.UInt32(buffer, 8), "FileFsAttributeInformation.FileSystemName"));
    }
}
