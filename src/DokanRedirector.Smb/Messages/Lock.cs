// MS-SMB2 2.2.26 SMB2 LOCK Request (2.2.26.1 SMB2_LOCK_ELEMENT); 2.2.27, the response, is the 4-byte body EmptyRequest.ReadResponse checks
namespace DokanRedirector.Smb.Messages;

/// <summary>One byte range to lock or unlock (SMB2_LOCK_ELEMENT).</summary>
public readonly record struct SmbLockElement(long Offset, long Length, SmbLockFlags Flags)
{
    public const int Size =
        sizeof(ulong) // Offset
        + sizeof(ulong) // Length
        + sizeof(uint) // Flags
        + sizeof(uint); // Reserved
}

internal readonly struct LockRequest : ISmbRequest
{
    private const int FixedSize =
        sizeof(ushort) // StructureSize (48: the fixed part plus one element)
        + sizeof(ushort) // LockCount
        + sizeof(uint) // LockSequenceNumber (4 bits) + LockSequenceIndex (28 bits)
        + SmbFileId.Size; // FileId

    public LockRequest(SmbFileId fileId, ReadOnlyMemory<SmbLockElement> locks)
    {
        if (locks.IsEmpty || locks.Length > ushort.MaxValue)
        {
            throw new ArgumentOutOfRangeException(nameof(locks), locks.Length, "A LOCK request carries 1 to 65535 elements.");
        }
        FileId = fileId;
        Locks = locks;
    }

    public SmbFileId FileId { get; }

    public ReadOnlyMemory<SmbLockElement> Locks { get; }

    public SmbCommand Command => SmbCommand.Lock;

    public int BodySize => FixedSize + (Locks.Length * SmbLockElement.Size); // + Locks

    public int ExpectedResponseSize => 0;

    public void WriteBody(Span<byte> body)
    {
        var w = new SmbWriter(body);
        w.UInt16(48); // StructureSize
        w.UInt16((ushort)Locks.Length); // LockCount
        w.UInt32(0); // LockSequence: only resilient and persistent handles replay locks
        FileId.Write(ref w);
        foreach (var element in Locks.Span)
        {
            w.UInt64((ulong)element.Offset);
            w.UInt64((ulong)element.Length);
            w.UInt32((uint)element.Flags);
            w.UInt32(0); // Reserved
        }
        w.AssertWritten(BodySize);
    }
}
