// C706 14.2 NDR primitives (little-endian, aligned to their size), 14.3.4 conformant varying strings,
// 14.3.10-12 pointers (a referent id, 0 for null; the referent itself is deferred)
using System.Buffers.Binary;
using System.Text;

namespace DokanRedirector.Smb.Rpc;

/// <summary>Reads an NDR 2.0 stub; every count and length is checked against what remains.</summary>
internal ref struct NdrReader
{
    private readonly ReadOnlySpan<byte> _stub;
    private int _position;

    public NdrReader(ReadOnlySpan<byte> stub)
    {
        _stub = stub;
    }

    public readonly int Remaining => _stub.Length - _position;

    public uint UInt32(string field)
    {
        _position += (4 - (_position & 3)) & 3; // align(4): alignment is relative to the start of the stub
        if (Remaining < sizeof(uint))
        {
            throw new SmbProtocolException($"NDR stub ends before {field} (offset {_position} of {_stub.Length}).");
        }
        var value = BinaryPrimitives.ReadUInt32LittleEndian(_stub[_position..]);
        _position += sizeof(uint);
        return value;
    }

    /// <summary>A unique pointer's referent id: true when the referent follows (deferred), false for null.</summary>
    public bool Pointer(string field) => UInt32(field) != 0;

    /// <summary>
    /// A <c>[string] wchar_t*</c> referent: max_count, offset, actual_count, then actual_count UTF-16 units whose
    /// last is the terminating NUL (dropped here).
    /// </summary>
    public string String(string field)
    {
        var maxCount = UInt32(field);
        var offset = UInt32(field);
        var actualCount = UInt32(field);
        if ((ulong)offset + actualCount > maxCount || (ulong)actualCount * 2 > (ulong)Remaining)
        {
            throw new SmbProtocolException(
                $"NDR string {field} has max_count {maxCount}, offset {offset}, actual_count {actualCount} with {Remaining} bytes left.");
        }
        var bytes = _stub.Slice(_position, (int)actualCount * 2);
        _position += bytes.Length;
        if (bytes.Length >= 2 && bytes[^1] == 0 && bytes[^2] == 0)
        {
            bytes = bytes[..^2];
        }
        return Encoding.Unicode.GetString(bytes);
    }
}
