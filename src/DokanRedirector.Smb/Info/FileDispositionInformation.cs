// MS-FSCC 2.4.11 FileDispositionInformation
namespace DokanRedirector.Smb.Info;

/// <summary>Marks the open file for deletion when its last handle closes, or clears the mark.</summary>
public readonly record struct FileDispositionInformation(bool DeletePending) : ISmbSetInfo
{
    public static SmbInfoType InfoType => SmbInfoType.File;

    public static byte InfoClass => (byte)SmbFileInfoClass.FileDispositionInformation;

    public int Size => sizeof(byte); // DeletePending

    public void Write(Span<byte> destination) => destination[0] = DeletePending ? (byte)1 : (byte)0;
}
