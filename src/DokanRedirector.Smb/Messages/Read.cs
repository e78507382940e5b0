// MS-SMB2 2.2.19 SMB2 READ Request, 2.2.20 SMB2 READ Response
using System.Buffers.Binary;

namespace DokanRedirector.Smb.Messages;

internal readonly struct ReadRequest : ISmbRequest
{
    private const int FixedSize =
        sizeof(ushort) // StructureSize (49)
        + sizeof(byte) // Padding
        + sizeof(byte) // Flags
        + sizeof(uint) // Length
        + sizeof(ulong) // Offset
        + SmbFileId.Size // FileId
        + sizeof(uint) // MinimumCount
        + sizeof(uint) // Channel
        + sizeof(uint) // RemainingBytes
        + sizeof(ushort) // ReadChannelInfoOffset
        + sizeof(ushort); // ReadChannelInfoLength

    public ReadRequest(SmbFileId fileId, long offset, int length)
    {
        FileId = fileId;
        Offset = offset;
        Length = length;
    }

    public SmbFileId FileId { get; }

    public long Offset { get; }

    public int Length { get; }

    public SmbCommand Command => SmbCommand.Read;

    public int BodySize => FixedSize + SmbWriter.BufferSize(0); // + Buffer: one byte, no channel info

    public int ExpectedResponseSize => Length;

    public void WriteBody(Span<byte> body)
    {
        var w = new SmbWriter(body);
        w.UInt16(49); // StructureSize
        w.UInt8(SmbHeader.Size + ReadResponse.FixedSize); // Padding: where we would like the data, right after the fixed part
        w.UInt8(0); // Flags
        w.UInt32((uint)Length);
        w.UInt64((ulong)Offset);
        FileId.Write(ref w);
        w.UInt32(0); // MinimumCount
        w.UInt32(0); // Channel: none
        w.UInt32(0); // RemainingBytes
        w.UInt16(0); // ReadChannelInfoOffset
        w.UInt16(0); // ReadChannelInfoLength
        w.Buffer([]);
        w.AssertWritten(BodySize);
    }
}

/// <summary>
/// Where the data lies in the message: <see cref="DataOffset"/> and <see cref="DataLength"/> are checked against
/// it, so the caller copies <c>message.Slice(DataOffset, DataLength)</c> straight into its own buffer.
/// </summary>
internal readonly record struct ReadResponse(int DataOffset, int DataLength, uint DataRemaining)
{
    public const int FixedSize = 16; // StructureSize says 17: the fixed part plus one buffer byte

    public ReadOnlySpan<byte> Data(ReadOnlySpan<byte> message) => message.Slice(DataOffset, DataLength);

    /// <summary>The data as memory, for a caller that hands it on asynchronously (to a stream) without copying it.</summary>
    public Memory<byte> Data(Memory<byte> message) => message.Slice(DataOffset, DataLength);

    public static ReadResponse Read(ReadOnlySpan<byte> message)
    {
        // StructureSize(2) DataOffset(1) Reserved(1) DataLength(4) DataRemaining(4) Flags/Reserved2(4)
        var body = WireReader.Body(message, 17, FixedSize, "READ response");
        var length = (int)BinaryPrimitives.ReadUInt32LittleEndian(body[4..]); // past int.MaxValue: negative, rejected
        var offset = WireReader.BufferOffset(message, body[2], length, "READ response data");
        return new ReadResponse(offset, length, BinaryPrimitives.ReadUInt32LittleEndian(body[8..]));
    }
}
