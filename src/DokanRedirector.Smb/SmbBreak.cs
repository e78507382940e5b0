// MS-SMB2 3.2.5.19 Receiving an SMB2 OPLOCK_BREAK Notification
using DokanRedirector.Smb.Messages;

namespace DokanRedirector.Smb;

/// <summary>
/// The server takes caching away from an open: what it held and what it keeps, as lease states. An oplock maps
/// onto them: batch is RWH, exclusive RW, level II R, none nothing. A write-back cache flushes when
/// <see cref="LosesWriteCaching"/>, a read cache purges when <see cref="LosesReadCaching"/> (3.2.5.19.2).
/// </summary>
/// <param name="IsLease">A lease break (by LeaseKey) rather than an oplock break (by FileId).</param>
public readonly record struct SmbBreak(SmbLeaseState From, SmbLeaseState To, bool IsLease)
{
    public bool LosesWriteCaching => Loses(SmbLeaseState.WriteCaching);

    public bool LosesReadCaching => Loses(SmbLeaseState.ReadCaching);

    public bool LosesHandleCaching => Loses(SmbLeaseState.HandleCaching);

    /// <summary>The caching an oplock level grants, as a lease state.</summary>
    public static SmbLeaseState CachingOf(SmbOplockLevel level) => level switch
    {
        SmbOplockLevel.Batch => SmbLeaseState.ReadCaching | SmbLeaseState.WriteCaching | SmbLeaseState.HandleCaching,
        SmbOplockLevel.Exclusive => SmbLeaseState.ReadCaching | SmbLeaseState.WriteCaching,
        SmbOplockLevel.LevelII => SmbLeaseState.ReadCaching,
        _ => SmbLeaseState.None,
    };

    private bool Loses(SmbLeaseState caching) => (From & caching) != 0 && (To & caching) == 0;
}
