// C706 12.6.4.10 response; 12.6.3.1 fragments: PFC_FIRST_FRAG on the first, PFC_LAST_FRAG on the last
using System.Buffers;

namespace DokanRedirector.Smb.Rpc;

internal static class RpcResponse
{
    /// <summary>The most PDU bytes one response may take, so a server cannot make the client buffer without end.</summary>
    public const int MaxLength = 16 * 1024 * 1024;

    private const int HeaderLength =
        RpcHeader.Size
        + sizeof(uint) // alloc_hint
        + sizeof(ushort) // p_cont_id
        + sizeof(byte) // cancel_count
        + sizeof(byte); // reserved, then the stub

    /// <summary>
    /// Reads the fragments of the response to <paramref name="callId"/> and returns its whole stub. A fault raises
    /// <see cref="SmbRpcException"/>; anything malformed or out of order, <see cref="SmbProtocolException"/>.
    /// </summary>
    public static async Task<byte[]> ReadAsync(RpcPduReader reader, uint callId, CancellationToken ct)
    {
        var stub = new ArrayBufferWriter<byte>();
        var received = 0;
        for (var first = true; ; first = false)
        {
            var pdu = await reader.NextAsync(ct).ConfigureAwait(false);
            received += pdu.Length;
            if (received > MaxLength)
            {
                throw new SmbProtocolException($"The RPC response passed {MaxLength} bytes without a last fragment.");
            }
            if (AppendFragment(pdu, callId, first, stub))
            {
                if (reader.HasBufferedBytes)
                {
                    throw new SmbProtocolException("The pipe returned bytes after the last fragment of the RPC response.");
                }
                return stub.WrittenSpan.ToArray();
            }
        }
    }

    // Appends one fragment's stub; true when it was the last fragment.
    private static bool AppendFragment(ReadOnlySpan<byte> pdu, uint callId, bool first, ArrayBufferWriter<byte> stub)
    {
        var header = RpcHeader.ReadWhole(pdu);
        if (header.Type == RpcPacketType.Fault)
        {
            throw RpcFault.Read(pdu, header, callId);
        }
        if (header.Type != RpcPacketType.Response)
        {
            throw new SmbProtocolException($"Expected an RPC response, got a PDU of type {header.Type}.");
        }
        header.Expect(pdu, callId, HeaderLength, "RPC response");
        if (first != ((header.Flags & RpcPacketFlags.FirstFragment) != 0))
        {
            throw new SmbProtocolException(first
                ? "The first fragment of the RPC response lacks PFC_FIRST_FRAG."
                : "A later fragment of the RPC response carries PFC_FIRST_FRAG.");
        }
        stub.Write(pdu[HeaderLength..]);
        return (header.Flags & RpcPacketFlags.LastFragment) != 0;
    }
}
