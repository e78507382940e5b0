// MS-SMB2 2.2.23.2 Lease Break Notification, 2.2.24.2 Lease Break Acknowledgment, 2.2.25.2 Lease Break Response
using System.Buffers.Binary;

namespace DokanRedirector.Smb.Messages;

/// <summary>The server breaks a lease from <see cref="CurrentLeaseState"/> to <see cref="NewLeaseState"/>.</summary>
internal readonly record struct LeaseBreakNotification(
    ushort NewEpoch, SmbLeaseBreakFlags Flags, Guid LeaseKey, SmbLeaseState CurrentLeaseState, SmbLeaseState NewLeaseState)
{
    /// <summary>Tells this notification from an oplock break (24), both sent with the OPLOCK_BREAK command.</summary>
    public const ushort StructureSize = 44;

    public bool AckRequired => (Flags & SmbLeaseBreakFlags.AckRequired) != 0;

    public static LeaseBreakNotification Read(ReadOnlySpan<byte> message)
    {
        // StructureSize(2) NewEpoch(2) Flags(4) LeaseKey(16) CurrentLeaseState(4) NewLeaseState(4) BreakReason(4)
        // AccessMaskHint(4) ShareMaskHint(4)
        var body = WireReader.Body(message, StructureSize, StructureSize, "lease break notification");
        return new LeaseBreakNotification(
            BinaryPrimitives.ReadUInt16LittleEndian(body[2..]),
            (SmbLeaseBreakFlags)BinaryPrimitives.ReadUInt32LittleEndian(body[4..]),
            new Guid(body.Slice(8, 16)),
            (SmbLeaseState)BinaryPrimitives.ReadUInt32LittleEndian(body[24..]),
            (SmbLeaseState)BinaryPrimitives.ReadUInt32LittleEndian(body[28..]));
    }
}

/// <summary>The lease break acknowledgment (request) and response share this 36-byte layout.</summary>
internal readonly struct LeaseBreakAcknowledgment : ISmbRequest
{
    public const int Size =
        sizeof(ushort) // StructureSize (36)
        + sizeof(ushort) // Reserved
        + sizeof(uint) // Flags
        + 16 // LeaseKey
        + sizeof(uint) // LeaseState
        + sizeof(ulong); // LeaseDuration

    /// <param name="leaseState">The state the client keeps: the notification's NewLeaseState or less.</param>
    public LeaseBreakAcknowledgment(Guid leaseKey, SmbLeaseState leaseState)
    {
        LeaseKey = leaseKey;
        LeaseState = leaseState;
    }

    public Guid LeaseKey { get; }

    public SmbLeaseState LeaseState { get; }

    public SmbCommand Command => SmbCommand.OplockBreak;

    public int BodySize => Size;

    public int ExpectedResponseSize => 0;

    public void WriteBody(Span<byte> body)
    {
        var w = new SmbWriter(body);
        w.UInt16(Size); // StructureSize
        w.UInt16(0); // Reserved
        w.UInt32(0); // Flags
        LeaseKey.TryWriteBytes(w.Take(16)); // LeaseKey
        w.UInt32((uint)LeaseState);
        w.UInt64(0); // LeaseDuration
        w.AssertWritten(BodySize);
    }

    /// <summary>Reads the server's lease break response: the lease and the state it now has.</summary>
    public static LeaseBreakAcknowledgment ReadResponse(ReadOnlySpan<byte> message)
    {
        var body = WireReader.Body(message, Size, Size, "lease break response");
        return new LeaseBreakAcknowledgment(new Guid(body.Slice(8, 16)), (SmbLeaseState)BinaryPrimitives.ReadUInt32LittleEndian(body[24..]));
    }
}
