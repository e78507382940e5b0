// MS-SMB2 2.2.21 SMB2 WRITE Request, 2.2.22 SMB2 WRITE Response
using System.Buffers.Binary;

namespace DokanRedirector.Smb.Messages;

internal readonly struct WriteRequest : ISmbRequest
{
    private const int FixedSize =
        sizeof(ushort) // StructureSize (49)
        + sizeof(ushort) // DataOffset
        + sizeof(uint) // Length
        + sizeof(ulong) // Offset
        + SmbFileId.Size // FileId
        + sizeof(uint) // Channel
        + sizeof(uint) // RemainingBytes
        + sizeof(ushort) // WriteChannelInfoOffset
        + sizeof(ushort) // WriteChannelInfoLength
        + sizeof(uint); // Flags

    public WriteRequest(SmbFileId fileId, long offset, ReadOnlyMemory<byte> data)
    {
        FileId = fileId;
        Offset = offset;
        Data = data;
    }

    public SmbFileId FileId { get; }

    public long Offset { get; }

    /// <summary>Copied into the frame by <see cref="WriteBody"/>: the caller's memory, no intermediate array.</summary>
    public ReadOnlyMemory<byte> Data { get; }

    public SmbCommand Command => SmbCommand.Write;

    public int BodySize => FixedSize + SmbWriter.BufferSize(Data.Length); // + Buffer: the data

    public int ExpectedResponseSize => 0;

    public void WriteBody(Span<byte> body)
    {
        var w = new SmbWriter(body);
        w.UInt16(49); // StructureSize
        w.UInt16(SmbHeader.Size + FixedSize); // DataOffset: 0x70, right after the fixed part
        w.UInt32((uint)Data.Length); // Length
        w.UInt64((ulong)Offset);
        FileId.Write(ref w);
        w.UInt32(0); // Channel: none
        w.UInt32(0); // RemainingBytes
        w.UInt16(0); // WriteChannelInfoOffset
        w.UInt16(0); // WriteChannelInfoLength
        w.UInt32(0); // Flags
        w.Buffer(Data.Span);
        w.AssertWritten(BodySize);
    }
}

internal readonly record struct WriteResponse(int Count)
{
    private const int FixedSize = 16; // StructureSize says 17

    public static WriteResponse Read(ReadOnlySpan<byte> message)
    {
        // StructureSize(2) Reserved(2) Count(4) Remaining(4) WriteChannelInfoOffset(2) WriteChannelInfoLength(2)
        var body = WireReader.Body(message, 17, FixedSize, "WRITE response");
        var count = BinaryPrimitives.ReadUInt32LittleEndian(body[4..]);
        if (count > int.MaxValue)
        {
            throw new SmbProtocolException($"WRITE response Count {count} is more than any request writes.");
        }
        return new WriteResponse((int)count);
    }
}
