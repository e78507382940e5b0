using System.Buffers.Binary;

namespace DokanRedirector.Smb.Messages;

/// <summary>Bounds checks for response readers: a bad length or offset is a protocol error, never an IndexOutOfRange.</summary>
internal static class WireReader
{
    private static readonly long MaxFileTime = DateTime.MaxValue.ToFileTimeUtc();

    /// <summary>
    /// Returns the body after the header, after checking it holds the fixed part and that
    /// StructureSize is the expected one.
    /// </summary>
    public static ReadOnlySpan<byte> Body(ReadOnlySpan<byte> message, ushort structureSize, int fixedSize, string what)
    {
        var bodyLength = message.Length - SmbHeader.Size;
        if (bodyLength < fixedSize)
        {
            throw new SmbProtocolException($"{what} has {Math.Max(bodyLength, 0)} bytes, fewer than its {fixedSize}-byte fixed part.");
        }
        var body = message[SmbHeader.Size..];
        var actual = BinaryPrimitives.ReadUInt16LittleEndian(body);
        if (actual != structureSize)
        {
            throw new SmbProtocolException($"{what} StructureSize is {actual}, expected {structureSize}.");
        }
        return body;
    }

    /// <summary>A buffer named by a header-relative offset and a length; empty when the length is 0.</summary>
    public static ReadOnlySpan<byte> Buffer(ReadOnlySpan<byte> message, int offset, int length, string field)
    {
        if (length == 0)
        {
            return [];
        }
        if (offset < SmbHeader.Size || length < 0 || (long)offset + length > message.Length)
        {
            throw new SmbProtocolException(
                $"{field} (offset {offset}, length {length}) lies outside the {message.Length}-byte message.");
        }
        return message.Slice(offset, length);
    }

    /// <summary>
    /// Checks a buffer as <see cref="Buffer"/> does and returns its offset, 0 when it is empty, for responses that
    /// keep the position (a span cannot live in them) and let the caller slice the message.
    /// </summary>
    public static int BufferOffset(ReadOnlySpan<byte> message, int offset, int length, string field)
    {
        Buffer(message, offset, length, field);
        return length == 0 ? 0 : offset;
    }

    /// <summary>The body of a message slice that must hold at least <paramref name="length"/> bytes.</summary>
    public static void Require(ReadOnlySpan<byte> span, int length, string what)
    {
        if (span.Length < length)
        {
            throw new SmbProtocolException($"{what} needs {length} bytes, only {span.Length} remain.");
        }
    }

    /// <summary>
    /// Converts the FILETIME at the start of <paramref name="source"/> to UTC. 0 means "not reported" and a
    /// value past DateTime's range is nonsense from the server; both read as <c>default</c>.
    /// </summary>
    public static DateTime FileTime(ReadOnlySpan<byte> source)
    {
        var value = BinaryPrimitives.ReadInt64LittleEndian(source);
        return value <= 0 || value > MaxFileTime ? default : DateTime.FromFileTimeUtc(value);
    }
}
