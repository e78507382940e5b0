// MS-SMB2 2.2.7 LOGOFF, 2.2.11 TREE_DISCONNECT, 2.2.28 ECHO, 2.2.30 CANCEL (requests and responses share one 4-byte body)
using System.Buffers.Binary;

namespace DokanRedirector.Smb.Messages;

/// <summary>The requests whose body is StructureSize (4) and Reserved: LOGOFF, TREE_DISCONNECT, ECHO, CANCEL.</summary>
internal readonly struct EmptyRequest : ISmbRequest
{
    public const int Size =
        sizeof(ushort) // StructureSize (4)
        + sizeof(ushort); // Reserved

    public EmptyRequest(SmbCommand command)
    {
        Command = command;
    }

    public SmbCommand Command { get; }

    public int BodySize => Size;

    public int ExpectedResponseSize => 0;

    public void WriteBody(Span<byte> body)
    {
        var w = new SmbWriter(body);
        w.UInt16(4); // StructureSize
        w.UInt16(0); // Reserved
        w.AssertWritten(BodySize);
    }

    /// <summary>Checks the 4-byte response body.</summary>
    public static void ReadResponse(ReadOnlySpan<byte> message, SmbCommand command) =>
        WireReader.Body(message, 4, Size, $"{command} response");
}
