namespace DokanRedirector.Fuse.Native;

/// <summary>Linux errno values (asm-generic/errno-base.h, asm-generic/errno.h).</summary>
internal static class Errno
{
    public const int EPERM = 1;
    public const int ENOENT = 2;
    public const int EINTR = 4;
    public const int EIO = 5;
    public const int EBADF = 9;
    public const int EAGAIN = 11;
    public const int ENOMEM = 12;
    public const int EACCES = 13;
    public const int EBUSY = 16;
    public const int EEXIST = 17;
    public const int EXDEV = 18;
    public const int ENOTDIR = 20;
    public const int EISDIR = 21;
    public const int EINVAL = 22;
    public const int EMFILE = 24;
    public const int ENOSPC = 28;
    public const int EROFS = 30;
    public const int ENAMETOOLONG = 36;
    public const int ENOSYS = 38;
    public const int ENOTEMPTY = 39;
    public const int EOPNOTSUPP = 95;
    public const int ENETUNREACH = 101;
    public const int ECONNABORTED = 103;
    public const int ECONNRESET = 104;
    public const int ENOTCONN = 107;
    public const int ETIMEDOUT = 110;
    public const int ECONNREFUSED = 111;
    public const int EHOSTUNREACH = 113;
}

/// <summary>open(2) flags (asm-generic/fcntl.h) and renameat2(2) flags (linux/fs.h).</summary>
internal static class OpenFlags
{
    public const int AccessModeMask = 3; // O_ACCMODE
    public const int WriteOnly = 1;      // O_WRONLY
    public const int ReadWrite = 2;      // O_RDWR
    public const int Exclusive = 0x80;   // O_EXCL
    public const int Truncate = 0x200;   // O_TRUNC

    public const uint RenameNoReplace = 1; // RENAME_NOREPLACE
    public const uint RenameExchange = 2;  // RENAME_EXCHANGE
}

/// <summary>FUSE_SET_ATTR_* (fuse_lowlevel.h): which fields a setattr changes.</summary>
internal static class SetAttrFlags
{
    public const int Mode = 1 << 0;
    public const int Uid = 1 << 1;
    public const int Gid = 1 << 2;
    public const int Size = 1 << 3;
    public const int AccessTime = 1 << 4;
    public const int ModificationTime = 1 << 5;
    public const int AccessTimeNow = 1 << 7;
    public const int ModificationTimeNow = 1 << 8;
}
