// C706 12.6.4.7 fault; MS-RPCE 2.2.2.11 fault PDU status; C706 Appendix E reject status codes
using System.Buffers.Binary;

namespace DokanRedirector.Smb.Rpc;

internal static class RpcFault
{
    private const int Length =
        RpcHeader.Size
        + sizeof(uint) // alloc_hint
        + sizeof(ushort) // p_cont_id
        + sizeof(byte) // cancel_count
        + sizeof(byte) // reserved
        + sizeof(uint); // status, then reserved

    /// <summary>The error a fault PDU reports, to be thrown by the caller.</summary>
    public static SmbRpcException Read(ReadOnlySpan<byte> pdu, RpcHeader header, uint callId)
    {
        header.Expect(pdu, callId, Length, "RPC fault");
        var status = BinaryPrimitives.ReadUInt32LittleEndian(pdu[(Length - sizeof(uint))..]);
        return new SmbRpcException($"The RPC server returned a fault: {StatusName(status)} (0x{status:X8}).", status);
    }

    private static string StatusName(uint status) => status switch
    {
        0x00000005 => "access denied",
        0x000006F7 => "bad stub data",
        0x1C00001A => "context mismatch",
        0x1C010002 => "operation number out of range",
        0x1C010003 => "unknown interface",
        0x1C01000B => "protocol error",
        _ => "unknown status",
    };
}
