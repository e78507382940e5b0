// MS-FSCC 2.4.4 FileAllocationInformation
using System.Buffers.Binary;

namespace DokanRedirector.Smb.Info;

/// <summary>Reserves (or releases) disk space for the open file: <see cref="AllocationSize"/> bytes.</summary>
public readonly record struct FileAllocationInformation(long AllocationSize) : ISmbSetInfo
{
    public long AllocationSize { get; } = AllocationSize >= 0 ? AllocationSize : throw new ArgumentOutOfRangeException(nameof(AllocationSize), AllocationSize, "An allocation size cannot be negative.");

    public static SmbInfoType InfoType => SmbInfoType.File;

    public static byte InfoClass => (byte)SmbFileInfoClass.FileAllocationInformation;

    public int Size => sizeof(long); // AllocationSize

    public void Write(Span<byte> destination) => BinaryPrimitives.WriteInt64LittleEndian(destination, AllocationSize);
}
