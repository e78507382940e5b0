// MS-SMB2 2.2.14.1 SMB2_FILEID
using System.Buffers.Binary;

namespace DokanRedirector.Smb.Messages;

/// <summary>The server's handle of an open: a persistent part that survives reconnects, and a volatile part.</summary>
public readonly record struct SmbFileId(ulong Persistent, ulong Volatile)
{
    public const int Size =
        sizeof(ulong) // Persistent
        + sizeof(ulong); // Volatile

    /// <summary>All 0xFF: "the FileId of the preceding CREATE" inside a related compound (MS-SMB2 3.2.4.1.4).</summary>
    public static readonly SmbFileId Any = new(ulong.MaxValue, ulong.MaxValue);

    public override string ToString() => $"{Persistent:X16}:{Volatile:X16}";

    internal void Write(ref SmbWriter writer)
    {
        writer.UInt64(Persistent);
        writer.UInt64(Volatile);
    }

    /// <summary>Reads the 16 bytes at the start of <paramref name="source"/>, which the caller has bounds-checked.</summary>
    internal static SmbFileId Read(ReadOnlySpan<byte> source) =>
        new(BinaryPrimitives.ReadUInt64LittleEndian(source), BinaryPrimitives.ReadUInt64LittleEndian(source[sizeof(ulong)..]));
}
