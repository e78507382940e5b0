using System.Runtime.InteropServices;

namespace DokanRedirector.Fuse.Native;

/// <summary>struct timespec (time.h): seconds and nanoseconds since the Unix epoch.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct Timespec
{
    public long Seconds;
    public long Nanoseconds;

    public static Timespec FromUtc(DateTime utc)
    {
        if (utc <= DateTime.UnixEpoch)
        {
            return default;
        }
        var ticks = utc.Ticks - DateTime.UnixEpoch.Ticks;
        return new Timespec
        {
            Seconds = ticks / TimeSpan.TicksPerSecond,
            Nanoseconds = ticks % TimeSpan.TicksPerSecond * 100,
        };
    }

    public readonly DateTime ToUtc() =>
        DateTime.UnixEpoch.AddTicks(Seconds * TimeSpan.TicksPerSecond + Nanoseconds / 100);
}

/// <summary>struct stat, glibc x86_64 layout (bits/struct_stat.h): 144 bytes.</summary>
[StructLayout(LayoutKind.Explicit, Size = 144)]
internal struct Stat
{
    public const uint IFDIR = 0x4000; // S_IFDIR (sys/stat.h)
    public const uint IFREG = 0x8000; // S_IFREG
    public const uint IFMT = 0xF000;  // S_IFMT

    [FieldOffset(0)] public ulong Device;
    [FieldOffset(8)] public ulong Inode;
    [FieldOffset(16)] public ulong LinkCount;
    [FieldOffset(24)] public uint Mode;
    [FieldOffset(28)] public uint Uid;
    [FieldOffset(32)] public uint Gid;
    [FieldOffset(40)] public ulong RDevice;
    [FieldOffset(48)] public long Size;
    [FieldOffset(56)] public long BlockSize;
    [FieldOffset(64)] public long Blocks;
    [FieldOffset(72)] public Timespec AccessTime;
    [FieldOffset(88)] public Timespec ModificationTime;
    [FieldOffset(104)] public Timespec ChangeTime;
}
