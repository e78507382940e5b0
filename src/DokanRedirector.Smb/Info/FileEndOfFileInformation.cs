// MS-FSCC 2.4 FileEndOfFileInformation (class 20)
using System.Buffers.Binary;

namespace DokanRedirector.Smb.Info;

/// <summary>Truncates or extends the open file to <see cref="EndOfFile"/> bytes.</summary>
public readonly record struct FileEndOfFileInformation(long EndOfFile) : ISmbSetInfo
{
    public long EndOfFile { get; } = EndOfFile >= 0 ? EndOfFile : throw new ArgumentOutOfRangeException(nameof(EndOfFile), EndOfFile, "A file size cannot be negative.");

    public static SmbInfoType InfoType => SmbInfoType.File;

    public static byte InfoClass => (byte)SmbFileInfoClass.FileEndOfFileInformation;

    public int Size => sizeof(long); // EndOfFile

    public void Write(Span<byte> destination) => BinaryPrimitives.WriteInt64LittleEndian(destination, EndOfFile);
}
