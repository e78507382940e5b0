using System.Buffers.Binary;
using System.Diagnostics;

namespace DokanRedirector.Smb.Messages;

/// <summary>
/// Little-endian writes into a request body. Positions are kept relative to the SMB2 header so that
/// offsets written into the message (SecurityBufferOffset, PathOffset, …) and 8-byte alignment are
/// the ones the spec means.
/// </summary>
internal ref struct SmbWriter
{
    private readonly Span<byte> _body;
    private int _position;

    public SmbWriter(Span<byte> body)
    {
        _body = body;
    }

    /// <summary>The current offset from the start of the SMB2 header.</summary>
    public readonly int Offset => SmbHeader.Size + _position;

    public readonly int Written => _position;

    public void UInt8(byte value) => _body[_position++] = value;

    public void UInt16(ushort value)
    {
        BinaryPrimitives.WriteUInt16LittleEndian(_body[_position..], value);
        _position += sizeof(ushort);
    }

    public void UInt32(uint value)
    {
        BinaryPrimitives.WriteUInt32LittleEndian(_body[_position..], value);
        _position += sizeof(uint);
    }

    public void UInt64(ulong value)
    {
        BinaryPrimitives.WriteUInt64LittleEndian(_body[_position..], value);
        _position += sizeof(ulong);
    }

    public void Bytes(scoped ReadOnlySpan<byte> value)
    {
        value.CopyTo(_body[_position..]);
        _position += value.Length;
    }

    /// <summary>Advances over <paramref name="count"/> bytes and returns them for the caller to fill.</summary>
    public Span<byte> Take(int count)
    {
        var span = _body.Slice(_position, count);
        _position += count;
        return span;
    }

    /// <summary>
    /// Writes a request's variable Buffer: the payload, or one zero byte when it is empty, because an odd
    /// StructureSize (57, 49, 41, 33, …) counts the Buffer's first byte (MS-SMB2 2.2: "at least one byte").
    /// </summary>
    public void Buffer(scoped ReadOnlySpan<byte> payload)
    {
        if (payload.IsEmpty)
        {
            UInt8(0);
        }
        else
        {
            Bytes(payload);
        }
    }

    /// <summary>The size <see cref="Buffer"/> writes for <paramref name="payloadLength"/> bytes.</summary>
    public static int BufferSize(int payloadLength) => Math.Max(payloadLength, 1);

    public void Zeros(int count)
    {
        _body.Slice(_position, count).Clear();
        _position += count;
    }

    /// <summary>Pads with zeros until <see cref="Offset"/> is a multiple of 8.</summary>
    public void Align8() => Zeros(Padding8(Offset));

    /// <summary>Bytes needed to bring a header-relative offset to a multiple of 8.</summary>
    public static int Padding8(int offset) => (8 - (offset & 7)) & 7;

    /// <summary>In DEBUG builds, checks that the writer filled exactly the size the message declared.</summary>
    [Conditional("DEBUG")]
    public readonly void AssertWritten(int declared) =>
        Debug.Assert(_position == declared, $"wrote {_position} bytes, declared {declared}");
}
