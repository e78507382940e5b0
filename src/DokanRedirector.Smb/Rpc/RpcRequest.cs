// C706 12.6.4.9 request
using DokanRedirector.Smb.Messages;

namespace DokanRedirector.Smb.Rpc;

internal static class RpcRequest
{
    private const int HeaderLength =
        RpcHeader.Size
        + sizeof(uint) // alloc_hint: the stub length
        + sizeof(ushort) // p_cont_id (0, the context the bind set up)
        + sizeof(ushort); // opnum, then the stub

    /// <summary>One unfragmented request PDU; the stub must fit the server's max_recv_frag, as NetrShareEnum's does.</summary>
    public static byte[] Encode(uint callId, ushort opnum, ReadOnlySpan<byte> stub)
    {
        var length = HeaderLength + stub.Length;
        if (length > RpcBind.MaxFragment)
        {
            throw new ArgumentException($"A {stub.Length}-byte stub needs a fragmented request, which this client does not send.", nameof(stub));
        }
        var pdu = new byte[length];
        var w = new SmbWriter(pdu);
        new RpcHeader(RpcPacketType.Request, RpcPacketFlags.FirstFragment | RpcPacketFlags.LastFragment, (ushort)length, 0, callId).Write(ref w);
        w.UInt32((uint)stub.Length);
        w.UInt16(0);
        w.UInt16(opnum);
        w.Bytes(stub);
        w.AssertWritten(length);
        return pdu;
    }
}
