using DokanRedirector.Smb.Messages;

namespace DokanRedirector.Smb;

/// <summary>
/// What <see cref="SmbTree.CreateAsync"/> asks of the server: NtCreateFile semantics (MS-SMB2 2.2.13) plus
/// the create contexts this client can send. The defaults open an existing file for reading.
/// </summary>
public sealed record SmbCreateOptions
{
    public NtCreateDisposition Disposition { get; init; } = NtCreateDisposition.Open;

    public NtCreateOptions Options { get; init; }

    public NtAccessMask DesiredAccess { get; init; } = NtAccessMask.GenericRead;

    public NtShareAccess ShareAccess { get; init; } = NtShareAccess.Read | NtShareAccess.Write;

    /// <summary>Attributes of a file the create makes; ignored when it opens one.</summary>
    public NtFileAttributes Attributes { get; init; }

    public SmbImpersonationLevel ImpersonationLevel { get; init; } = SmbImpersonationLevel.Impersonation;

    /// <summary>An oplock to request; ignored when <see cref="Lease"/> is set.</summary>
    public SmbOplockLevel OplockLevel { get; init; }

    /// <summary>Sends MxAc: the response says which access the user could have had (<see cref="SmbFile.MaximalAccess"/>).</summary>
    public bool RequestMaximalAccess { get; init; }

    /// <summary>Sends QFid: the response carries the on-disk file and volume ids (<see cref="SmbFile.OnDiskId"/>).</summary>
    public bool QueryOnDiskId { get; init; }

    /// <summary>
    /// Requests a lease (RqLs, version 2 on 3.x, version 1 on 2.1). Not sent when the server did not announce
    /// SMB2_GLOBAL_CAP_LEASING (2.0.2 never does), or for a directory SMB2_GLOBAL_CAP_DIRECTORY_LEASING;
    /// <see cref="SmbFile.Lease"/> then stays null.
    /// </summary>
    public SmbLeaseRequest? Lease { get; init; }

    /// <summary>Requests a durable handle (DH2Q). 3.x only: not sent on 2.x, where <see cref="SmbFile.Durable"/> stays null.</summary>
    public SmbDurableHandleRequest? Durable { get; init; }
}

/// <summary>A lease request: the client's key for it (shared by the opens of one file) and the caching it wants.</summary>
public sealed record SmbLeaseRequest(Guid LeaseKey, SmbLeaseState State);

/// <summary>
/// A durable handle v2 request (MS-SMB2 2.2.13.2.11). <paramref name="CreateGuid"/> identifies the create
/// for replays and reconnects; a zero <paramref name="Timeout"/> lets the server choose.
/// </summary>
public sealed record SmbDurableHandleRequest(Guid CreateGuid, TimeSpan Timeout, bool Persistent = false);
