// C706 12.6.4.3 bind, 12.6.4.4 bind_ack, 12.6.4.5 bind_nak
using System.Buffers.Binary;
using DokanRedirector.Smb.Messages;

namespace DokanRedirector.Smb.Rpc;

/// <summary>Binds one presentation context (context id 0): an interface over NDR 2.0, no authentication.</summary>
internal static class RpcBind
{
    /// <summary>The largest fragment either side may send; Windows and Samba both offer this.</summary>
    public const ushort MaxFragment = 4280;

    public const int Length =
        RpcHeader.Size
        + sizeof(ushort) // max_xmit_frag
        + sizeof(ushort) // max_recv_frag
        + sizeof(uint) // assoc_group_id (0: a new group)
        + sizeof(byte) // p_context_elem.n_context_elem (1)
        + 3 // reserved, reserved2
        + sizeof(ushort) // p_cont_elem[0].p_cont_id (0)
        + sizeof(byte) // n_transfer_syn (1)
        + sizeof(byte) // reserved
        + RpcSyntaxId.Size // abstract_syntax
        + RpcSyntaxId.Size; // transfer_syntaxes[0]

    private const int AckFixedLength =
        RpcHeader.Size
        + sizeof(ushort) // max_xmit_frag
        + sizeof(ushort) // max_recv_frag
        + sizeof(uint) // assoc_group_id
        + sizeof(ushort); // sec_addr.length, then port_spec, pad to 4, p_result_list

    private const int ResultLength =
        sizeof(ushort) // result
        + sizeof(ushort) // reason
        + RpcSyntaxId.Size; // transfer_syntax

    public static byte[] Encode(uint callId, RpcSyntaxId abstractSyntax)
    {
        var pdu = new byte[Length];
        var w = new SmbWriter(pdu);
        new RpcHeader(RpcPacketType.Bind, RpcPacketFlags.FirstFragment | RpcPacketFlags.LastFragment, Length, 0, callId).Write(ref w);
        w.UInt16(MaxFragment); // max_xmit_frag
        w.UInt16(MaxFragment); // max_recv_frag
        w.UInt32(0); // assoc_group_id
        w.UInt8(1); // n_context_elem
        w.Zeros(3);
        w.UInt16(0); // p_cont_id
        w.UInt8(1); // n_transfer_syn
        w.UInt8(0);
        abstractSyntax.Write(ref w);
        RpcSyntaxId.Ndr20.Write(ref w);
        w.AssertWritten(Length);
        return pdu;
    }

    /// <summary>
    /// Checks the server's answer to the bind: a bind_ack whose first result accepts NDR 2.0. A bind_nak, a rejected
    /// context or a fault raises <see cref="SmbRpcException"/>; a malformed PDU, <see cref="SmbProtocolException"/>.
    /// </summary>
    public static void ReadAck(ReadOnlySpan<byte> pdu, uint callId)
    {
        var header = RpcHeader.ReadWhole(pdu);
        switch (header.Type)
        {
            case RpcPacketType.BindAck:
                break;
            case RpcPacketType.BindNak:
                header.Expect(pdu, callId, RpcHeader.Size + sizeof(ushort), "RPC bind_nak");
                var reason = BinaryPrimitives.ReadUInt16LittleEndian(pdu[RpcHeader.Size..]);
                throw new SmbRpcException($"The server refused the RPC bind: {NakReason(reason)}.", reason);
            case RpcPacketType.Fault:
                throw RpcFault.Read(pdu, header, callId);
            default:
                throw new SmbProtocolException($"The answer to an RPC bind is a PDU of type {header.Type}.");
        }
        header.Expect(pdu, callId, AckFixedLength, "RPC bind_ack");
        var secondaryAddressLength = BinaryPrimitives.ReadUInt16LittleEndian(pdu[(AckFixedLength - 2)..]);
        var results = AckFixedLength + secondaryAddressLength;
        results += (4 - (results & 3)) & 3; // align(4)
        WireReader.Require(pdu, results + 4 + ResultLength, "RPC bind_ack result list");
        if (pdu[results] == 0)
        {
            throw new SmbProtocolException("RPC bind_ack has no results.");
        }
        var result = pdu[(results + 4)..];
        var acceptance = BinaryPrimitives.ReadUInt16LittleEndian(result);
        var rejection = BinaryPrimitives.ReadUInt16LittleEndian(result[2..]);
        if (acceptance != 0)
        {
            throw new SmbRpcException(
                $"The server did not accept the RPC interface: {ResultName(acceptance)}, {RejectionReason(rejection)}.", acceptance);
        }
        if (RpcSyntaxId.Read(result[4..]) != RpcSyntaxId.Ndr20)
        {
            throw new SmbProtocolException("RPC bind_ack accepted a transfer syntax other than NDR 2.0.");
        }
    }

    private static string ResultName(ushort result) => result switch
    {
        1 => "user rejection",
        2 => "provider rejection",
        3 => "negotiate ack",
        _ => $"result {result}",
    };

    private static string RejectionReason(ushort reason) => reason switch
    {
        0 => "reason not specified",
        1 => "abstract syntax not supported",
        2 => "proposed transfer syntaxes not supported",
        3 => "local limit exceeded",
        _ => $"reason {reason}",
    };

    private static string NakReason(ushort reason) => reason switch
    {
        0 => "reason not specified",
        1 => "temporary congestion",
        2 => "local limit exceeded",
        4 => "protocol version not supported",
        8 => "authentication type not recognized",
        9 => "invalid checksum",
        _ => $"reason {reason}",
    };
}
