using DokanRedirector.Fuse.Native;
using DokanRedirector.Rdbss.Mrx;

namespace DokanRedirector.Fuse.FileSystem;

/// <summary>FileInformation → struct stat, as the mounting user sees it: the server decides access
/// (default_permissions is off), so the mode only says what kind of file it is and whether it is read-only.</summary>
internal readonly struct StatMapping(uint uid, uint gid)
{
    private const uint DirectoryMode = Stat.IFDIR | 0x1ED; // 0755
    private const uint FileMode = Stat.IFREG | 0x1A4;      // 0644
    private const uint ReadOnlyFileMode = Stat.IFREG | 0x124; // 0444
    private const uint VirtualDirectoryMode = Stat.IFDIR | 0x16D; // 0555: the network root's own levels

    /// <summary>st_blksize: the I/O size cat and cp use. 1 MiB = max_write, so each write(2) is one FUSE_WRITE.</summary>
    public const long PreferredIoSize = 1 << 20;

    /// <summary>The mounting user: every file shows as theirs.</summary>
    public uint Uid => uid;

    public uint Gid => gid;

    public Stat From(ulong ino, in FileInformation info) => new()
    {
        Inode = ino,
        Mode = info.IsDirectory ? DirectoryMode
            : (info.Attributes & NtFileAttributes.ReadOnly) != 0 ? ReadOnlyFileMode : FileMode,
        LinkCount = info.IsDirectory ? 2u : 1u,
        Uid = uid,
        Gid = gid,
        Size = info.EndOfFile,
        BlockSize = PreferredIoSize,
        Blocks = (info.AllocationSize + 511) / 512,
        AccessTime = Timespec.FromUtc(info.LastAccessTime),
        ModificationTime = Timespec.FromUtc(info.LastWriteTime),
        ChangeTime = Timespec.FromUtc(info.ChangeTime),
    };

    /// <summary>A directory of the network root itself (the root, a server): no server behind it to stat.</summary>
    public Stat VirtualDirectory(ulong ino, DateTime created)
    {
        var time = Timespec.FromUtc(created);
        return new Stat
        {
            Inode = ino,
            Mode = VirtualDirectoryMode,
            LinkCount = 2,
            Uid = uid,
            Gid = gid,
            BlockSize = PreferredIoSize,
            AccessTime = time,
            ModificationTime = time,
            ChangeTime = time,
        };
    }
}
