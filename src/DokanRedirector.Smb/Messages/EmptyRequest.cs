// MS-SMB2 2.2.7 LOGOFF, 2.2.11 TREE_DISCONNECT, 2.2.28 ECHO (requests and responses share one 4-byte body),
// 2.2.30 CANCEL (request only), 2.2.18 FLUSH and 2.2.27 LOCK responses
using System.Buffers.Binary;

namespace DokanRedirector.Smb.Messages;

/// <summary>
/// The requests whose body is StructureSize (4) and Reserved: LOGOFF, TREE_DISCONNECT, ECHO and CANCEL. CANCEL
/// has no response, and its header reuses the MessageId (or AsyncId) of the request it cancels (MS-SMB2 3.2.4.24).
/// </summary>
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

    /// <summary>Checks the 4-byte response body (also that of FLUSH and LOCK).</summary>
    public static void ReadResponse(ReadOnlySpan<byte> message, SmbCommand command) =>
        WireReader.Body(message, 4, Size, $"{command} response");
}
