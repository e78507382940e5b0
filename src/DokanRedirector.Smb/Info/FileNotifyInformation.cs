// MS-FSCC 2.7.1 FILE_NOTIFY_INFORMATION: the output of CHANGE_NOTIFY, entries chained by NextEntryOffset
using DokanRedirector.Smb.Info;

// In the root namespace with SmbChangeNotification: callers of ChangeNotifyAsync need nothing else.
namespace DokanRedirector.Smb;

/// <summary>
/// One FILE_NOTIFY_INFORMATION entry. <see cref="FileName"/> is relative to the watched directory
/// (backslash-separated below it when the watch covers the tree).
/// </summary>
public readonly record struct FileNotifyInformation(NtNotifyAction Action, string FileName)
{
    internal const int FixedLength =
        sizeof(uint) // NextEntryOffset
        + sizeof(uint) // Action
        + sizeof(uint); // FileNameLength, then FileName

    /// <summary>
    /// Decodes every entry of a CHANGE_NOTIFY output buffer; empty for an empty buffer. Each NextEntryOffset must be
    /// a multiple of 4 (MS-FSCC 2.7.1: entries are 4-byte aligned), cover its whole entry and stay inside the buffer,
    /// so each step moves forward by at least <see cref="FixedLength"/> bytes and the walk ends. A bad entry is a
    /// <see cref="SmbProtocolException"/>.
    /// </summary>
    internal static List<FileNotifyInformation> ReadAll(ReadOnlySpan<byte> buffer)
    {
        var changes = new List<FileNotifyInformation>();
        var offset = 0;
        while (offset < buffer.Length)
        {
            var entry = buffer[offset..];
            if (entry.Length < FixedLength)
            {
                throw new SmbProtocolException(
                    $"A FILE_NOTIFY_INFORMATION entry at offset {offset} has {entry.Length} bytes, fewer than its {FixedLength}-byte fixed part.");
            }
            var nextEntryOffset = FsccReader.UInt32(entry, 0);
            var fileNameLength = FsccReader.UInt32(entry, 8);
            if (nextEntryOffset != 0
                && (nextEntryOffset % 4 != 0
                    || nextEntryOffset < FixedLength + (ulong)fileNameLength
                    || nextEntryOffset >= (uint)entry.Length))
            {
                throw new SmbProtocolException(
                    $"The FILE_NOTIFY_INFORMATION entry at offset {offset} has NextEntryOffset {nextEntryOffset}, which is unaligned, overlaps the entry or passes the {buffer.Length}-byte buffer.");
            }
            // A checked NextEntryOffset covers the name; the last entry's name is checked against the buffer's end.
            var fileName = FsccReader.Name(entry, FixedLength, fileNameLength, "FileNotifyInformation.FileName");
            changes.Add(new FileNotifyInformation((NtNotifyAction)FsccReader.UInt32(entry, 4), fileName));
            // The last entry ends the walk whatever padding follows it.
            offset = nextEntryOffset == 0 ? buffer.Length : offset + (int)nextEntryOffset;
        }
        return changes;
    }
}
