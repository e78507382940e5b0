// MS-FSCC 2.4.7 FileBasicInformation
using DokanRedirector.Smb.Messages;

namespace DokanRedirector.Smb.Info;

/// <summary>
/// A file's times (raw FILETIMEs, see <see cref="SmbFileTime"/>) and attributes; queried and set.
/// When setting, a time of <see cref="Unchanged"/> leaves it alone, <see cref="StopUpdates"/> stops the server
/// updating it for the rest of this handle's life and <see cref="ResumeUpdates"/> undoes that; attributes of
/// <see cref="NtFileAttributes.None"/> leave them alone (send <see cref="NtFileAttributes.Normal"/> to clear them all).
/// </summary>
public readonly record struct FileBasicInformation(
    long CreationTime, long LastAccessTime, long LastWriteTime, long ChangeTime, NtFileAttributes FileAttributes)
    : ISmbQueryInfo<FileBasicInformation>, ISmbSetInfo
{
    public const long Unchanged = 0;
    public const long StopUpdates = -1;
    public const long ResumeUpdates = -2;

    internal const int Length =
        sizeof(long) // CreationTime
        + sizeof(long) // LastAccessTime
        + sizeof(long) // LastWriteTime
        + sizeof(long) // ChangeTime
        + sizeof(uint) // FileAttributes
        + sizeof(uint); // Reserved

    public static SmbInfoType InfoType => SmbInfoType.File;

    public static byte InfoClass => (byte)SmbFileInfoClass.FileBasicInformation;

    public static int MaxOutputLength => Length;

    public int Size => Length;

    public static FileBasicInformation Read(ReadOnlySpan<byte> buffer)
    {
        WireReader.Require(buffer, Length, "FileBasicInformation");
        return new FileBasicInformation(
            FsccReader.Int64(buffer, 0),
            FsccReader.Int64(buffer, 8),
            FsccReader.Int64(buffer, 16),
            FsccReader.Int64(buffer, 24),
            (NtFileAttributes)FsccReader.UInt32(buffer, 32));
    }

    public void Write(Span<byte> destination)
    {
        var w = new SmbWriter(destination);
        w.UInt64((ulong)CreationTime);
        w.UInt64((ulong)LastAccessTime);
        w.UInt64((ulong)LastWriteTime);
        w.UInt64((ulong)ChangeTime);
        w.UInt32((uint)FileAttributes);
        w.UInt32(0); // Reserved
        w.AssertWritten(Length);
    }
}
