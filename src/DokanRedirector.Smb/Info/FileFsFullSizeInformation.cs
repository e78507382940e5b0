// MS-FSCC 2.5.4 FileFsFullSizeInformation
using DokanRedirector.Smb.Messages;

namespace DokanRedirector.Smb.Info;

/// <summary>
/// Volume size in allocation units, with free units both as the caller may use them (quotas applied) and
/// as they are on the volume.
/// </summary>
public readonly record struct FileFsFullSizeInformation(
    long TotalAllocationUnits,
    long CallerAvailableAllocationUnits,
    long ActualAvailableAllocationUnits,
    uint SectorsPerAllocationUnit,
    uint BytesPerSector)
    : ISmbQueryInfo<FileFsFullSizeInformation>
{
    internal const int Length =
        sizeof(long) // TotalAllocationUnits
        + sizeof(long) // CallerAvailableAllocationUnits
        + sizeof(long) // ActualAvailableAllocationUnits
        + sizeof(uint) // SectorsPerAllocationUnit
        + sizeof(uint); // BytesPerSector

    public static SmbInfoType InfoType => SmbInfoType.FileSystem;

    public static byte InfoClass => (byte)SmbFsInfoClass.FileFsFullSizeInformation;

    public static int MaxOutputLength => Length;

    public ulong BytesPerAllocationUnit => (ulong)SectorsPerAllocationUnit * BytesPerSector;

    public static FileFsFullSizeInformation Read(ReadOnlySpan<byte> buffer)
    {
        WireReader.Require(buffer, Length, "FileFsFullSizeInformation");
        return new FileFsFullSizeInformation(
            FsccReader.Size(buffer, 0, "FileFsFullSizeInformation.TotalAllocationUnits"),
            FsccReader.Size(buffer, 8, "FileFsFullSizeInformation.CallerAvailableAllocationUnits"),
            FsccReader.Size(buffer, 16, "FileFsFullSizeInformation.ActualAvailableAllocationUnits"),
            FsccReader.UInt32(buffer, 24),
            FsccReader.UInt32(buffer, 28));
    }
}
