// MS-SMB2 2.2.14 / 2.2.16: the times, sizes and attributes a CREATE and a post-query CLOSE return
using System.Buffers.Binary;

namespace DokanRedirector.Smb.Messages;

/// <summary>
/// The FILE_NETWORK_OPEN_INFORMATION fields (MS-FSCC 2.4.29) that CREATE and CLOSE responses carry in the
/// same order. Times are UTC; a zero FILETIME (not reported) reads as <c>default</c>.
/// </summary>
public readonly record struct SmbNetworkOpenInfo(
    DateTime CreationTime,
    DateTime LastAccessTime,
    DateTime LastWriteTime,
    DateTime ChangeTime,
    long AllocationSize,
    long EndOfFile,
    NtFileAttributes Attributes)
{
    public const int Size =
        sizeof(long) // CreationTime
        + sizeof(long) // LastAccessTime
        + sizeof(long) // LastWriteTime
        + sizeof(long) // ChangeTime
        + sizeof(long) // AllocationSize
        + sizeof(long) // EndofFile
        + sizeof(uint); // FileAttributes

    public bool IsDirectory => (Attributes & NtFileAttributes.Directory) != 0;

    /// <summary>Reads the 52 bytes at the start of <paramref name="source"/>, which the caller has bounds-checked.</summary>
    internal static SmbNetworkOpenInfo Read(ReadOnlySpan<byte> source) => new(
        WireReader.FileTime(source),
        WireReader.FileTime(source[8..]),
        WireReader.FileTime(source[16..]),
        WireReader.FileTime(source[24..]),
        BinaryPrimitives.ReadInt64LittleEndian(source[32..]),
        BinaryPrimitives.ReadInt64LittleEndian(source[40..]),
        (NtFileAttributes)BinaryPrimitives.ReadUInt32LittleEndian(source[48..]));
}
