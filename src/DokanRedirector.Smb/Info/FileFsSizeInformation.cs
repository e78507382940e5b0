// MS-FSCC 2.5.8 FileFsSizeInformation
using DokanRedirector.Smb.Messages;

namespace DokanRedirector.Smb.Info;

/// <summary>Volume size in allocation units; free units are those available to the caller.</summary>
public readonly record struct FileFsSizeInformation(
    long TotalAllocationUnits, long AvailableAllocationUnits, uint SectorsPerAllocationUnit, uint BytesPerSector)
    : ISmbQueryInfo<FileFsSizeInformation>
{
    internal const int Length =
        sizeof(long) // TotalAllocationUnits
        + sizeof(long) // AvailableAllocationUnits
        + sizeof(uint) // SectorsPerAllocationUnit
        + sizeof(uint); // BytesPerSector

    public static SmbInfoType InfoType => SmbInfoType.FileSystem;

    public static byte InfoClass => (byte)SmbFsInfoClass.FileFsSizeInformation;

    public static int MaxOutputLength => Length;

    public ulong BytesPerAllocationUnit => (ulong)SectorsPerAllocationUnit * BytesPerSector;

    public static FileFsSizeInformation Read(ReadOnlySpan<byte> buffer)
    {
        WireReader.Require(buffer, Length, "FileFsSizeInformation");
        return new FileFsSizeInformation(
            FsccReader.Size(buffer, 0, "FileFsSizeInformation.TotalAllocationUnits"),
            FsccReader.Size(buffer, 8, "FileFsSizeInformation.AvailableAllocationUnits"),
            FsccReader.UInt32(buffer, 16),
            FsccReader.UInt32(buffer, 20));
    }
}
