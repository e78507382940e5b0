using System.Buffers.Binary;
using System.Text;

namespace DokanRedirector.Smb.Tests.Rpc;

/// <summary>Hand-built connection-oriented PDUs (C706 12.6) and NDR stubs for the tests.</summary>
internal static class RpcPdus
{
    /// <summary>A response fragment: common header, alloc_hint, p_cont_id 0, cancel_count 0, reserved, stub.</summary>
    public static byte[] Response(uint callId, bool first, bool last, ReadOnlySpan<byte> stub)
    {
        var pdu = Header(2, (byte)((first ? 1 : 0) | (last ? 2 : 0)), 24 + stub.Length, callId);
        BinaryPrimitives.WriteInt32LittleEndian(pdu.AsSpan(16), stub.Length);
        stub.CopyTo(pdu.AsSpan(24));
        return pdu;
    }

    /// <summary>The fragments of <paramref name="stub"/> cut every <paramref name="size"/> bytes, concatenated.</summary>
    public static byte[] Fragmented(uint callId, byte[] stub, int size)
    {
        var stream = new List<byte>();
        for (var offset = 0; offset < stub.Length; offset += size)
        {
            var piece = stub.AsSpan(offset, Math.Min(size, stub.Length - offset));
            stream.AddRange(Response(callId, offset == 0, offset + size >= stub.Length, piece));
        }
        return [.. stream];
    }

    /// <summary>A fault PDU: header, alloc_hint, p_cont_id, cancel_count, reserved, status, reserved.</summary>
    public static byte[] Fault(uint callId, uint status)
    {
        var pdu = Header(3, 3, 32, callId);
        BinaryPrimitives.WriteUInt32LittleEndian(pdu.AsSpan(24), status);
        return pdu;
    }

    /// <summary>A bind_nak with its provider_reject_reason.</summary>
    public static byte[] BindNak(uint callId, ushort reason)
    {
        var pdu = Header(13, 3, 18, callId);
        BinaryPrimitives.WriteUInt16LittleEndian(pdu.AsSpan(16), reason);
        return pdu;
    }

    private static byte[] Header(byte type, byte flags, int length, uint callId)
    {
        var pdu = new byte[length];
        pdu[0] = 5; // rpc_vers
        pdu[2] = type;
        pdu[3] = flags;
        pdu[4] = 0x10; // little-endian, ASCII
        BinaryPrimitives.WriteUInt16LittleEndian(pdu.AsSpan(8), (ushort)length);
        BinaryPrimitives.WriteUInt32LittleEndian(pdu.AsSpan(12), callId);
        return pdu;
    }
}

/// <summary>Writes an NDR 2.0 stub by hand: 4-byte aligned integers and conformant varying strings.</summary>
internal sealed class NdrBuilder
{
    private readonly List<byte> _bytes = [];

    public NdrBuilder UInt32(uint value)
    {
        while (_bytes.Count % 4 != 0)
        {
            _bytes.Add(0);
        }
        _bytes.AddRange(BitConverter.GetBytes(value));
        return this;
    }

    /// <summary>max_count, offset 0, actual_count (with the NUL), then the UTF-16 units.</summary>
    public NdrBuilder String(string value)
    {
        var units = (uint)value.Length + 1;
        UInt32(units).UInt32(0).UInt32(units);
        _bytes.AddRange(Encoding.Unicode.GetBytes(value + "\0"));
        return this;
    }

    public byte[] ToArray() => [.. _bytes];
}
