using DokanRedirector.Fuse.Native;

namespace DokanRedirector.Fuse.FileSystem;

/// <summary>
/// What <c>init</c> asks of the kernel (fuse_common.h, struct fuse_conn_info), each only if capable:
/// <list type="bullet">
/// <item>ASYNC_READ: several reads (readahead) in flight per file; PARALLEL_DIROPS: lookups and readdirs
/// of one directory in parallel.</item>
/// <item>READDIRPLUS always, not READDIRPLUS_AUTO: our listing carries the attributes anyway, so every
/// readdir gives them and `ls -l` sends no LOOKUP per entry.</item>
/// <item>AUTO_INVAL_DATA: the kernel drops cached pages when it sees mtime or size change; with
/// FOPEN_KEEP_CACHE on an unchanged open that gives caching with close-to-open consistency.</item>
/// <item>ATOMIC_O_TRUNC: open(O_TRUNC) is one CREATE with FILE_OVERWRITE, not open + setattr.</item>
/// <item>No WRITEBACK_CACHE: every write(2) reaches the server before it returns, as SMB clients expect.</item>
/// <item>max_write 1 MiB (the kernel then uses max_pages 256, its limit): one FUSE_WRITE per `dd bs=1M` block.</item>
/// <item>max_readahead 16 MiB: the kernel sets the mount's readahead to the smaller of this and the bdi's
/// read_ahead_kb when init is answered, so FuseMount's raising read_ahead_kb (before the loop starts) only
/// holds if init asks for as much; libfuse would answer the 128 KiB the kernel offered.</item>
/// </list>
/// </summary>
internal static class ConnectionTuning
{
    public const uint MaxWrite = 1 << 20;

    /// <summary>16 MiB: sixteen 1 MiB reads in flight, the SMB client's own window (measured on loopback: cat of
    /// 512 MiB takes 2.0 s at the kernel's 128 KiB and 0.5–0.7 s at 16 MiB, smbclient 0.5 s).</summary>
    public const int MaxReadahead = 16 << 20;

    /// <summary>Background requests (readahead) in flight at once; the kernel's default is 12.</summary>
    public const uint MaxBackground = 64;

    /// <summary>SMB times are in 100 ns units, so utimensat truncates to that.</summary>
    public const uint TimeGranularityNs = 100;

    // FLOCK_LOCKS: flock(2) comes to us (and becomes an SMB2 lock other clients see) instead of staying in this kernel.
    private const uint Wanted = FuseCapabilities.AsyncRead | FuseCapabilities.ParallelDirOps | FuseCapabilities.ReaddirPlus
        | FuseCapabilities.AutoInvalData | FuseCapabilities.AtomicOTrunc | FuseCapabilities.FlockLocks;

    private const uint Unwanted = FuseCapabilities.ReaddirPlusAuto | FuseCapabilities.WritebackCache
        | FuseCapabilities.SpliceRead | FuseCapabilities.SpliceWrite | FuseCapabilities.SpliceMove;

    public static void Apply(ref FuseConnInfo connection)
    {
        connection.Want = (connection.Want | (Wanted & connection.Capable)) & ~Unwanted;
        connection.MaxWrite = MaxWrite;
        connection.MaxReadahead = MaxReadahead;
        connection.MaxBackground = MaxBackground;
        connection.CongestionThreshold = MaxBackground * 3 / 4;
        connection.TimeGranularity = TimeGranularityNs;
    }
}
