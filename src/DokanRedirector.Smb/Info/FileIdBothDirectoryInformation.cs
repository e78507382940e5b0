// MS-FSCC 2.4.21 FileIdBothDirectoryInformation
namespace DokanRedirector.Smb.Info;

/// <summary>
/// One entry of a QUERY_DIRECTORY output buffer of class 37. Times are raw FILETIMEs (see <see cref="SmbFileTime"/>).
/// Walk a buffer with <see cref="Enumerate"/>.
/// </summary>
public readonly record struct FileIdBothDirectoryInformation(
    uint FileIndex,
    long CreationTime,
    long LastAccessTime,
    long LastWriteTime,
    long ChangeTime,
    long EndOfFile,
    long AllocationSize,
    NtFileAttributes FileAttributes,
    uint EaSize,
    string ShortName,
    long FileId,
    string FileName)
{
    public const SmbFileInfoClass InfoClass = SmbFileInfoClass.FileIdBothDirectoryInformation;

    internal const int FixedLength =
        sizeof(uint) // NextEntryOffset
        + sizeof(uint) // FileIndex
        + sizeof(long) // CreationTime
        + sizeof(long) // LastAccessTime
        + sizeof(long) // LastWriteTime
        + sizeof(long) // ChangeTime
        + sizeof(long) // EndOfFile
        + sizeof(long) // AllocationSize
        + sizeof(uint) // FileAttributes
        + sizeof(uint) // FileNameLength
        + sizeof(uint) // EaSize
        + sizeof(byte) // ShortNameLength
        + sizeof(byte) // Reserved1
        + ShortNameField // ShortName
        + sizeof(ushort) // Reserved2
        + sizeof(long); // FileId, then FileName

    private const int ShortNameField = 24; // 12 UTF-16 code units

    /// <summary>
    /// The entries of <paramref name="buffer"/> in order. The walk checks each entry as it reaches it and raises
    /// <see cref="SmbProtocolException"/> on a bad one; it always ends, because every step moves forward by at
    /// least one whole entry inside the buffer.
    /// </summary>
    public static FileIdBothDirectoryEnumerator Enumerate(ReadOnlySpan<byte> buffer) => new(buffer);

    /// <summary>Decodes the entry at the start of <paramref name="entry"/>, which holds at least <see cref="FixedLength"/> bytes.</summary>
    internal static FileIdBothDirectoryInformation Read(ReadOnlySpan<byte> entry, uint fileNameLength)
    {
        uint shortNameLength = entry[68];
        if (shortNameLength > ShortNameField)
        {
            throw new SmbProtocolException($"FileIdBothDirectoryInformation.ShortNameLength {shortNameLength} exceeds {ShortNameField}.");
        }
        return new FileIdBothDirectoryInformation(
            FsccReader.UInt32(entry, 4),
            FsccReader.Int64(entry, 8),
            FsccReader.Int64(entry, 16),
            FsccReader.Int64(entry, 24),
            FsccReader.Int64(entry, 32),
            FsccReader.Size(entry, 40, "FileIdBothDirectoryInformation.EndOfFile"),
            FsccReader.Size(entry, 48, "FileIdBothDirectoryInformation.AllocationSize"),
            (NtFileAttributes)FsccReader.UInt32(entry, 56),
            FsccReader.UInt32(entry, 64),
            FsccReader.Name(entry, 70, shortNameLength, "FileIdBothDirectoryInformation.ShortName"),
            FsccReader.Int64(entry, 96),
            FsccReader.Name(entry, FixedLength, fileNameLength, "FileIdBothDirectoryInformation.FileName"));
    }
}
