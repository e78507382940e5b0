// MS-SMB2 2.2.39 SET_INFO Request: the Buffer
namespace DokanRedirector.Smb.Info;

/// <summary>A structure a SET_INFO request carries: its InfoType and class, its size and its encoding.</summary>
public interface ISmbSetInfo : ISmbInfoClass
{
    /// <summary>The BufferLength of the SET_INFO request.</summary>
    int Size { get; }

    /// <summary>Writes exactly <see cref="Size"/> bytes.</summary>
    void Write(Span<byte> destination);
}
