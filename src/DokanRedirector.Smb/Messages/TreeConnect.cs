// MS-SMB2 2.2.9 SMB2 TREE_CONNECT Request, 2.2.10 SMB2 TREE_CONNECT Response
using System.Buffers.Binary;
using System.Text;

namespace DokanRedirector.Smb.Messages;

internal readonly struct TreeConnectRequest : ISmbRequest
{
    private const int FixedSize =
        sizeof(ushort) // StructureSize (9)
        + sizeof(ushort) // Flags / Reserved
        + sizeof(ushort) // PathOffset
        + sizeof(ushort); // PathLength

    public TreeConnectRequest(string path)
    {
        Path = path;
    }

    /// <summary>The UNC name of the share, <c>\\server\share</c>.</summary>
    public string Path { get; }

    public SmbCommand Command => SmbCommand.TreeConnect;

    public int BodySize => FixedSize + Encoding.Unicode.GetByteCount(Path); // + Buffer: the path in UTF-16LE

    public int ExpectedResponseSize => 0;

    public void WriteBody(Span<byte> body)
    {
        var w = new SmbWriter(body);
        var pathLength = Encoding.Unicode.GetByteCount(Path);
        w.UInt16(9); // StructureSize
        w.UInt16(0); // Flags
        w.UInt16((ushort)(SmbHeader.Size + FixedSize)); // PathOffset
        w.UInt16((ushort)pathLength);
        Encoding.Unicode.GetBytes(Path, w.Take(pathLength));
        w.AssertWritten(BodySize);
    }
}

internal readonly record struct TreeConnectResponse(
    SmbShareType ShareType, SmbShareFlags ShareFlags, SmbShareCapabilities Capabilities, uint MaximalAccess)
{
    private const int Size = 16;

    public static TreeConnectResponse Read(ReadOnlySpan<byte> message)
    {
        var body = WireReader.Body(message, Size, Size, "TREE_CONNECT response");
        return new TreeConnectResponse(
            (SmbShareType)body[2],
            (SmbShareFlags)BinaryPrimitives.ReadUInt32LittleEndian(body[4..]),
            (SmbShareCapabilities)BinaryPrimitives.ReadUInt32LittleEndian(body[8..]),
            BinaryPrimitives.ReadUInt32LittleEndian(body[12..]));
    }
}
