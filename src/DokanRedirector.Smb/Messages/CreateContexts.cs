// MS-SMB2 2.2.13.2 SMB2_CREATE_CONTEXT (2.2.13.2.5 MxAc, 2.2.13.2.8/10 RqLs, 2.2.13.2.9 QFid, 2.2.13.2.11 DH2Q)
// and 2.2.14.2 its response values (2.2.14.2.5 MxAc, 2.2.14.2.9 QFid, 2.2.14.2.10/11 RqLs, 2.2.14.2.12 DH2Q)
using System.Buffers.Binary;

namespace DokanRedirector.Smb.Messages;

/// <summary>Writes the create contexts of a CREATE request and reads those of its response.</summary>
internal static class CreateContexts
{
    private const int HeaderSize =
        sizeof(uint) // Next
        + sizeof(ushort) // NameOffset
        + sizeof(ushort) // NameLength
        + sizeof(ushort) // Reserved
        + sizeof(ushort) // DataOffset
        + sizeof(uint); // DataLength

    private const int TagSize = 4;

    // Header, the 4-byte tag, 4 bytes of padding: the data starts 8-aligned (2.2.13.2 DataOffset).
    private const int DataStart = HeaderSize + TagSize + 4;

    private const int LeaseV1Size =
        16 // LeaseKey
        + sizeof(uint) // LeaseState
        + sizeof(uint) // LeaseFlags
        + sizeof(ulong); // LeaseDuration

    private const int LeaseV2Size =
        LeaseV1Size
        + 16 // ParentLeaseKey
        + sizeof(ushort) // Epoch
        + sizeof(ushort); // Reserved

    private const int DurableV2Size =
        sizeof(uint) // Timeout
        + sizeof(uint) // Flags
        + sizeof(ulong) // Reserved
        + 16; // CreateGuid

    private static ReadOnlySpan<byte> MaximalAccessTag => "MxAc"u8;

    private static ReadOnlySpan<byte> OnDiskIdTag => "QFid"u8;

    private static ReadOnlySpan<byte> LeaseTag => "RqLs"u8;

    private static ReadOnlySpan<byte> DurableV2Tag => "DH2Q"u8;

    /// <summary>The bytes <see cref="Write"/> produces for <paramref name="options"/>; 0 when it sends none.</summary>
    public static int RequestLength(SmbCreateOptions options, bool leaseV2)
    {
        var length = 0;
        Add(ref length, options.RequestMaximalAccess, 0);
        Add(ref length, options.QueryOnDiskId, 0);
        Add(ref length, options.Lease is not null, leaseV2 ? LeaseV2Size : LeaseV1Size);
        Add(ref length, options.Durable is not null, DurableV2Size);
        return length;

        static void Add(ref int length, bool present, int dataLength)
        {
            if (present)
            {
                length += SmbWriter.Padding8(length) + DataStart + dataLength;
            }
        }
    }

    /// <summary>Writes the chain; the writer must be 8-aligned (CreateContextsOffset).</summary>
    public static void Write(ref SmbWriter w, SmbCreateOptions options, bool leaseV2)
    {
        var remaining = (options.RequestMaximalAccess ? 1 : 0) + (options.QueryOnDiskId ? 1 : 0)
            + (options.Lease is null ? 0 : 1) + (options.Durable is null ? 0 : 1);
        if (options.RequestMaximalAccess)
        {
            // No data: the optional Timestamp is for "only if changed since", which we never ask.
            Header(ref w, MaximalAccessTag, 0, --remaining > 0);
        }
        if (options.QueryOnDiskId)
        {
            Header(ref w, OnDiskIdTag, 0, --remaining > 0);
        }
        if (options.Lease is { } lease)
        {
            Header(ref w, LeaseTag, leaseV2 ? LeaseV2Size : LeaseV1Size, --remaining > 0);
            lease.LeaseKey.TryWriteBytes(w.Take(16)); // LeaseKey
            w.UInt32((uint)lease.State); // LeaseState
            w.UInt32(0); // LeaseFlags: no parent lease key
            w.UInt64(0); // LeaseDuration
            if (leaseV2)
            {
                w.Zeros(16); // ParentLeaseKey
                w.UInt16(0); // Epoch
                w.UInt16(0); // Reserved
            }
        }
        if (options.Durable is { } durable)
        {
            Header(ref w, DurableV2Tag, DurableV2Size, --remaining > 0);
            w.UInt32((uint)Math.Clamp(durable.Timeout.TotalMilliseconds, 0, uint.MaxValue)); // Timeout
            w.UInt32((uint)(durable.Persistent ? SmbDurableHandleFlags.Persistent : SmbDurableHandleFlags.None)); // Flags
            w.UInt64(0); // Reserved
            durable.CreateGuid.TryWriteBytes(w.Take(16)); // CreateGuid
        }
    }

    /// <summary>
    /// Reads the response chain at <paramref name="offset"/>: each context lies inside the chain, and each
    /// name and data inside its context. Contexts this client does not know are skipped.
    /// </summary>
    public static CreateResponseContexts Read(ReadOnlySpan<byte> message, int offset, int length)
    {
        var result = new CreateResponseContexts();
        var chain = WireReader.Buffer(message, offset, length, "CREATE response CreateContexts");
        while (!chain.IsEmpty)
        {
            WireReader.Require(chain, HeaderSize, "SMB2_CREATE_CONTEXT header");
            var next = BinaryPrimitives.ReadUInt32LittleEndian(chain);
            var nameOffset = BinaryPrimitives.ReadUInt16LittleEndian(chain[4..]);
            var nameLength = BinaryPrimitives.ReadUInt16LittleEndian(chain[6..]);
            var dataOffset = BinaryPrimitives.ReadUInt16LittleEndian(chain[10..]);
            var dataLength = BinaryPrimitives.ReadUInt32LittleEndian(chain[12..]);
            if (next != 0 && (next < HeaderSize || next > chain.Length || (next & 7) != 0))
            {
                throw new SmbProtocolException($"SMB2_CREATE_CONTEXT Next {next} is not an 8-aligned offset within the {chain.Length} bytes left.");
            }
            var context = next == 0 ? chain : chain[..(int)next];
            var name = Slice(context, nameOffset, nameLength, "Name");
            var data = Slice(context, dataOffset, dataLength, "Data");
            if (name.SequenceEqual(MaximalAccessTag))
            {
                // QueryStatus(4) MaximalAccess(4)
                WireReader.Require(data, 8, "MxAc response");
                result.MaximalAccessStatus = new NtStatus(BinaryPrimitives.ReadUInt32LittleEndian(data));
                result.MaximalAccess = (NtAccessMask)BinaryPrimitives.ReadUInt32LittleEndian(data[4..]);
            }
            else if (name.SequenceEqual(OnDiskIdTag))
            {
                // DiskFileId(8) VolumeId(8) Reserved(16)
                WireReader.Require(data, 32, "QFid response");
                result.OnDiskId = new SmbOnDiskId(BinaryPrimitives.ReadUInt64LittleEndian(data), BinaryPrimitives.ReadUInt64LittleEndian(data[8..]));
            }
            else if (name.SequenceEqual(LeaseTag))
            {
                // LeaseKey(16) LeaseState(4) LeaseFlags(4) LeaseDuration(8), then v2: ParentLeaseKey(16) Epoch(2) Reserved(2)
                WireReader.Require(data, LeaseV1Size, "RqLs response");
                var epoch = data.Length >= LeaseV2Size ? BinaryPrimitives.ReadUInt16LittleEndian(data[48..]) : (ushort)0;
                result.Lease = new SmbLease(
                    new Guid(data[..16]),
                    (SmbLeaseState)BinaryPrimitives.ReadUInt32LittleEndian(data[16..]),
                    (SmbLeaseFlags)BinaryPrimitives.ReadUInt32LittleEndian(data[20..]),
                    epoch);
            }
            else if (name.SequenceEqual(DurableV2Tag))
            {
                // Timeout(4) Flags(4)
                WireReader.Require(data, 8, "DH2Q response");
                result.Durable = new SmbDurableHandle(
                    TimeSpan.FromMilliseconds(BinaryPrimitives.ReadUInt32LittleEndian(data)),
                    (SmbDurableHandleFlags)BinaryPrimitives.ReadUInt32LittleEndian(data[4..]));
            }
            chain = next == 0 ? [] : chain[(int)next..];
        }
        return result;
    }

    // Each context starts 8-aligned (a no-op for the first: CreateContextsOffset is aligned).
    private static void Header(ref SmbWriter w, ReadOnlySpan<byte> tag, int dataLength, bool more)
    {
        w.Align8();
        var size = DataStart + dataLength;
        w.UInt32(more ? (uint)(size + SmbWriter.Padding8(size)) : 0); // Next
        w.UInt16(HeaderSize); // NameOffset
        w.UInt16(TagSize); // NameLength
        w.UInt16(0); // Reserved
        w.UInt16(dataLength == 0 ? (ushort)0 : (ushort)DataStart); // DataOffset
        w.UInt32((uint)dataLength); // DataLength
        w.Bytes(tag); // Buffer: the name
        w.Zeros(DataStart - HeaderSize - TagSize); // padding to the 8-aligned data
    }

    // A name or data field, as an offset and a length from the start of its context.
    private static ReadOnlySpan<byte> Slice(ReadOnlySpan<byte> context, ushort offset, uint length, string field)
    {
        if (length == 0)
        {
            return [];
        }
        if ((long)offset + length > context.Length || offset < HeaderSize)
        {
            throw new SmbProtocolException(
                $"SMB2_CREATE_CONTEXT {field} (offset {offset}, length {length}) lies outside its {context.Length}-byte context.");
        }
        return context.Slice(offset, (int)length);
    }
}

/// <summary>What the response contexts of a CREATE reported; a member is null when its context did not come back.</summary>
internal struct CreateResponseContexts
{
    public NtStatus? MaximalAccessStatus;
    public NtAccessMask? MaximalAccess;
    public SmbOnDiskId? OnDiskId;
    public SmbLease? Lease;
    public SmbDurableHandle? Durable;
}

/// <summary>The on-disk identity of an open's file (QFid): stable across opens, unlike <see cref="SmbFileId"/>.</summary>
public readonly record struct SmbOnDiskId(ulong DiskFileId, ulong VolumeId);

/// <summary>A granted lease. <see cref="Epoch"/> is 0 for version-1 leases (2.1).</summary>
public readonly record struct SmbLease(Guid LeaseKey, SmbLeaseState State, SmbLeaseFlags Flags, ushort Epoch);

/// <summary>A granted durable handle: how long the server keeps it across a disconnect.</summary>
public readonly record struct SmbDurableHandle(TimeSpan Timeout, SmbDurableHandleFlags Flags);
