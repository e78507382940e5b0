// MS-FSCC 2.5.9 FileFsVolumeInformation
using DokanRedirector.Smb.Messages;

namespace DokanRedirector.Smb.Info;

/// <summary>Volume creation time (raw FILETIME, see <see cref="SmbFileTime"/>), serial number and label.</summary>
public readonly record struct FileFsVolumeInformation(
    long VolumeCreationTime, uint VolumeSerialNumber, bool SupportsObjects, string VolumeLabel)
    : ISmbQueryInfo<FileFsVolumeInformation>
{
    private const int FixedLength =
        sizeof(long) // VolumeCreationTime
        + sizeof(uint) // VolumeSerialNumber
        + sizeof(uint) // VolumeLabelLength
        + sizeof(byte) // SupportsObjects
        + sizeof(byte); // Reserved, then VolumeLabel

    public static SmbInfoType InfoType => SmbInfoType.FileSystem;

    public static byte InfoClass => (byte)SmbFsInfoClass.FileFsVolumeInformation;

    public static int MaxOutputLength => FixedLength + FsccReader.MaxNameLength;

    public static FileFsVolumeInformation Read(ReadOnlySpan<byte> buffer)
    {
        WireReader.Require(buffer, FixedLength, "FileFsVolumeInformation");
        return new FileFsVolumeInformation(
            FsccReader.Int64(buffer, 0),
            FsccReader.UInt32(buffer, 8),
            FsccReader.Boolean(buffer, 16),
            FsccReader.Name(buffer, FixedLength, FsccReader.UInt32(buffer, 12), "FileFsVolumeInformation.VolumeLabel"));
    }
}
