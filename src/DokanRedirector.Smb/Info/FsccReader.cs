// MS-FSCC 2.1.8 Boolean, 2.1.5 Pathname (UTF-16LE, counted, not NUL-terminated)
using System.Buffers.Binary;
using System.Text;

namespace DokanRedirector.Smb.Info;

/// <summary>Field reads shared by the MS-FSCC decoders; a bad value is a <see cref="SmbProtocolException"/>.</summary>
internal static class FsccReader
{
    /// <summary>The longest counted name an output buffer can hold (a UNICODE_STRING's 16-bit byte count, even).</summary>
    public const int MaxNameLength = 0xFFFE;

    /// <summary>A file or allocation size: a signed 64-bit count that must not be negative.</summary>
    public static long Size(ReadOnlySpan<byte> buffer, int offset, string field)
    {
        var value = BinaryPrimitives.ReadInt64LittleEndian(buffer[offset..]);
        if (value < 0)
        {
            throw new SmbProtocolException($"{field} is negative ({value}).");
        }
        return value;
    }

    public static long Int64(ReadOnlySpan<byte> buffer, int offset) => BinaryPrimitives.ReadInt64LittleEndian(buffer[offset..]);

    public static uint UInt32(ReadOnlySpan<byte> buffer, int offset) => BinaryPrimitives.ReadUInt32LittleEndian(buffer[offset..]);

    /// <summary>A Boolean byte: 0 is FALSE, anything else TRUE.</summary>
    public static bool Boolean(ReadOnlySpan<byte> buffer, int offset) => buffer[offset] != 0;

    /// <summary>A UTF-16LE name of <paramref name="length"/> bytes at <paramref name="offset"/>; the length must be even and fit.</summary>
    public static string Name(ReadOnlySpan<byte> buffer, int offset, uint length, string field)
    {
        if (length % 2 != 0 || length > (uint)(buffer.Length - offset))
        {
            throw new SmbProtocolException(
                $"{field} length {length} is odd or runs past the {buffer.Length}-byte buffer (name at offset {offset}).");
        }
        return Encoding.Unicode.GetString(buffer.Slice(offset, (int)length));
    }
}
