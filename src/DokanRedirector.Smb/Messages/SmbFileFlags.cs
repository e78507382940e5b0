// MS-SMB2 constants of the file commands: 2.2.13 (CREATE), 2.2.13.2.8 (leases), 2.2.13.2.11 (durable v2),
// 2.2.15 (CLOSE), 2.2.23.2 (lease break), 2.2.26 (LOCK), 2.2.31 (IOCTL), 2.2.33 (QUERY_DIRECTORY), 2.2.35 (CHANGE_NOTIFY),
// 2.2.37 (QUERY_INFO)
namespace DokanRedirector.Smb.Messages;

/// <summary>RequestedOplockLevel of CREATE, OplockLevel of its response and of an oplock break.</summary>
public enum SmbOplockLevel : byte
{
    None = 0x00,
    LevelII = 0x01,
    Exclusive = 0x08,
    Batch = 0x09,

    /// <summary>The open asks for (or holds) a lease instead of an oplock; the RqLs context says which.</summary>
    Lease = 0xFF,
}

/// <summary>ImpersonationLevel of CREATE.</summary>
public enum SmbImpersonationLevel : uint
{
    Anonymous = 0,
    Identification = 1,
    Impersonation = 2,
    Delegate = 3,
}

/// <summary>SMB2_LEASE_READ_CACHING, _HANDLE_CACHING and _WRITE_CACHING.</summary>
[Flags]
public enum SmbLeaseState : uint
{
    None = 0,
    ReadCaching = 0x01,
    HandleCaching = 0x02,
    WriteCaching = 0x04,
}

/// <summary>LeaseFlags of a lease create context.</summary>
[Flags]
public enum SmbLeaseFlags : uint
{
    None = 0,
    BreakInProgress = 0x02,
    ParentLeaseKeySet = 0x04,
}

/// <summary>Flags of a lease break notification.</summary>
[Flags]
public enum SmbLeaseBreakFlags : uint
{
    None = 0,
    AckRequired = 0x01,
}

/// <summary>Flags of the durable handle v2 request and response contexts.</summary>
[Flags]
public enum SmbDurableHandleFlags : uint
{
    None = 0,
    Persistent = 0x02,
}

/// <summary>Flags of a LOCK element. A lock is Shared or Exclusive, optionally FailImmediately; or it is Unlock alone.</summary>
[Flags]
public enum SmbLockFlags : uint
{
    None = 0,
    Shared = 0x01,
    Exclusive = 0x02,
    Unlock = 0x04,
    FailImmediately = 0x10,
}

/// <summary>Flags of QUERY_DIRECTORY.</summary>
[Flags]
public enum SmbQueryDirectoryFlags : byte
{
    None = 0,
    RestartScans = 0x01,
    ReturnSingleEntry = 0x02,
    IndexSpecified = 0x04,
    Reopen = 0x10,
}

/// <summary>Flags of CLOSE.</summary>
[Flags]
internal enum SmbCloseFlags : ushort
{
    None = 0,
    PostQueryAttributes = 0x0001,
}

/// <summary>Flags of IOCTL.</summary>
[Flags]
internal enum SmbIoctlFlags : uint
{
    None = 0,
    IsFsctl = 0x00000001,
}

/// <summary>Flags of CHANGE_NOTIFY.</summary>
[Flags]
internal enum SmbChangeNotifyFlags : ushort
{
    None = 0,

    /// <summary>SMB2_WATCH_TREE: report changes in the whole subtree, not only the directory's own entries.</summary>
    WatchTree = 0x0001,
}
