// C706 12.6.3.1 The common header of connection-oriented PDUs
using System.Buffers.Binary;
using DokanRedirector.Smb.Messages;

namespace DokanRedirector.Smb.Rpc;

internal readonly record struct RpcHeader(
    RpcPacketType Type, RpcPacketFlags Flags, ushort FragmentLength, ushort AuthLength, uint CallId)
{
    public const int Size =
        sizeof(byte) // rpc_vers (5)
        + sizeof(byte) // rpc_vers_minor (0)
        + sizeof(byte) // PTYPE
        + sizeof(byte) // pfc_flags
        + 4 // packed_drep
        + sizeof(ushort) // frag_length
        + sizeof(ushort) // auth_length
        + sizeof(uint); // call_id

    private const byte Version = 5;

    // packed_drep byte 0: integers little-endian (0x10), characters ASCII (0x00); byte 1: IEEE floats.
    private const byte LittleEndianAscii = 0x10;

    public void Write(ref SmbWriter w)
    {
        w.UInt8(Version);
        w.UInt8(0); // rpc_vers_minor
        w.UInt8((byte)Type);
        w.UInt8((byte)Flags);
        w.UInt32(LittleEndianAscii); // packed_drep: 10 00 00 00
        w.UInt16(FragmentLength);
        w.UInt16(AuthLength);
        w.UInt32(CallId);
    }

    /// <summary>Reads and checks the header at the start of <paramref name="pdu"/>; the PDU itself may still be incomplete.</summary>
    public static RpcHeader Read(ReadOnlySpan<byte> pdu)
    {
        WireReader.Require(pdu, Size, "RPC PDU header");
        if (pdu[0] != Version || pdu[1] > 1)
        {
            throw new SmbProtocolException($"RPC PDU has version {pdu[0]}.{pdu[1]}, expected 5.0 or 5.1.");
        }
        if ((pdu[4] & 0xF0) != LittleEndianAscii)
        {
            throw new SmbProtocolException($"RPC PDU data representation 0x{pdu[4]:X2} is not little-endian NDR.");
        }
        var header = new RpcHeader(
            (RpcPacketType)pdu[2],
            (RpcPacketFlags)pdu[3],
            BinaryPrimitives.ReadUInt16LittleEndian(pdu[8..]),
            BinaryPrimitives.ReadUInt16LittleEndian(pdu[10..]),
            BinaryPrimitives.ReadUInt32LittleEndian(pdu[12..]));
        if (header.FragmentLength < Size)
        {
            throw new SmbProtocolException($"RPC PDU frag_length {header.FragmentLength} is shorter than its header.");
        }
        return header;
    }

    /// <summary>Reads the header of a PDU that must be exactly one whole fragment.</summary>
    public static RpcHeader ReadWhole(ReadOnlySpan<byte> pdu)
    {
        var header = Read(pdu);
        if (header.FragmentLength != pdu.Length)
        {
            throw new SmbProtocolException($"RPC PDU frag_length is {header.FragmentLength}, but the PDU has {pdu.Length} bytes.");
        }
        return header;
    }

    /// <summary>Checks that a complete PDU answers call <paramref name="callId"/> and holds <paramref name="fixedSize"/> bytes, with no auth trailer.</summary>
    public void Expect(ReadOnlySpan<byte> pdu, uint callId, int fixedSize, string what)
    {
        if (CallId != callId)
        {
            throw new SmbProtocolException($"{what} answers call {CallId}, expected {callId}.");
        }
        if (AuthLength != 0)
        {
            throw new SmbProtocolException($"{what} carries a {AuthLength}-byte auth trailer on an unauthenticated binding.");
        }
        WireReader.Require(pdu, fixedSize, what);
    }
}
