// MS-FSCC 2.4.21 FileIdBothDirectoryInformation: entries chained by NextEntryOffset, each 8-byte aligned
using System.Buffers.Binary;

namespace DokanRedirector.Smb.Info;

/// <summary>
/// Walks the entries of a QUERY_DIRECTORY output buffer without copying it; only the names are allocated.
/// Use it in a <c>foreach</c>. Every NextEntryOffset must be a multiple of 8, cover the whole current entry and
/// stay inside the buffer, so each step strictly advances and the walk cannot loop.
/// </summary>
public ref struct FileIdBothDirectoryEnumerator
{
    private const int Done = -1;

    private readonly ReadOnlySpan<byte> _buffer;
    private int _next; // offset of the next entry, or Done

    internal FileIdBothDirectoryEnumerator(ReadOnlySpan<byte> buffer)
    {
        _buffer = buffer;
        _next = buffer.IsEmpty ? Done : 0;
    }

    public FileIdBothDirectoryInformation Current { get; private set; }

    public readonly FileIdBothDirectoryEnumerator GetEnumerator() => this;

    public bool MoveNext()
    {
        if (_next == Done)
        {
            return false;
        }
        var entry = _buffer[_next..];
        if (entry.Length < FileIdBothDirectoryInformation.FixedLength)
        {
            throw new SmbProtocolException(
                $"A directory entry at offset {_next} has {entry.Length} bytes, fewer than its {FileIdBothDirectoryInformation.FixedLength}-byte fixed part.");
        }
        var nextEntryOffset = BinaryPrimitives.ReadUInt32LittleEndian(entry);
        var fileNameLength = BinaryPrimitives.ReadUInt32LittleEndian(entry[60..]);
        if (fileNameLength == 0)
        {
            throw new SmbProtocolException($"The directory entry at offset {_next} has an empty FileName.");
        }
        if (nextEntryOffset != 0
            && (nextEntryOffset % 8 != 0
                || nextEntryOffset < FileIdBothDirectoryInformation.FixedLength + (ulong)fileNameLength
                || nextEntryOffset >= (uint)entry.Length))
        {
            throw new SmbProtocolException(
                $"The directory entry at offset {_next} has NextEntryOffset {nextEntryOffset}, which is unaligned, overlaps the entry or passes the {_buffer.Length}-byte buffer.");
        }
        Current = FileIdBothDirectoryInformation.Read(entry, fileNameLength);
        _next = nextEntryOffset == 0 ? Done : _next + (int)nextEntryOffset;
        return true;
    }
}
