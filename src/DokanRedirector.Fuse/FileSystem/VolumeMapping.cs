using DokanRedirector.Fuse.Native;
using DokanRedirector.Rdbss.Mrx;

namespace DokanRedirector.Fuse.FileSystem;

/// <summary>VolumeInformation → struct statvfs (df). SMB has no inode counts, so files are 0, as cifs reports.</summary>
internal static class VolumeMapping
{
    private const ulong FragmentSize = 4096;
    private const ulong DefaultNameMax = 255;

    /// <summary>The network root's own directories: no volume behind them.</summary>
    public static StatVfs Empty => new() { BlockSize = FragmentSize, FragmentSize = FragmentSize, NameMax = DefaultNameMax };

    public static StatVfs From(VolumeInformation volume) => new()
    {
        BlockSize = (ulong)StatMapping.PreferredIoSize,
        FragmentSize = FragmentSize, // df counts blocks in f_frsize units
        Blocks = (ulong)volume.TotalBytes / FragmentSize,
        BlocksFree = (ulong)volume.FreeBytes / FragmentSize,
        BlocksAvailable = (ulong)volume.AvailableBytes / FragmentSize,
        FileSystemId = volume.SerialNumber,
        NameMax = volume.MaximumComponentLength > 0 ? (ulong)volume.MaximumComponentLength : DefaultNameMax,
    };
}
