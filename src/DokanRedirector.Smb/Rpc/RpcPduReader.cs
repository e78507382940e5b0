// C706 12.6.3.1: frag_length delimits each PDU in the byte stream of a connection (here, a named pipe)
using DokanRedirector.Smb.Messages;

namespace DokanRedirector.Smb.Rpc;

/// <summary>
/// Splits what the pipe returns into whole PDUs. A read may end inside a PDU (the SMB2 read or IOCTL was full)
/// or, on a byte-mode pipe, hold more than one; bytes are kept until frag_length of them have arrived.
/// </summary>
internal sealed class RpcPduReader
{
    private readonly Func<CancellationToken, Task<byte[]>> _readMore;
    private byte[] _buffer = [];
    private int _count;

    public RpcPduReader(Func<CancellationToken, Task<byte[]>> readMore)
    {
        _readMore = readMore;
    }

    /// <summary>True while bytes of a PDU nobody has taken yet are buffered.</summary>
    public bool HasBufferedBytes => _count != 0;

    public void Append(ReadOnlySpan<byte> bytes)
    {
        if (_count + bytes.Length > _buffer.Length)
        {
            Array.Resize(ref _buffer, Math.Max(_count + bytes.Length, 2 * _buffer.Length));
        }
        bytes.CopyTo(_buffer.AsSpan(_count));
        _count += bytes.Length;
    }

    /// <summary>The next whole PDU, reading more from the pipe as long as it is incomplete.</summary>
    public async Task<byte[]> NextAsync(CancellationToken ct)
    {
        byte[]? pdu;
        while (!TryTake(out pdu))
        {
            var more = await _readMore(ct).ConfigureAwait(false);
            if (more.Length == 0)
            {
                throw new SmbProtocolException($"The pipe returned no data with {_count} bytes of an RPC PDU still to come.");
            }
            Append(more);
        }
        return pdu;
    }

    private bool TryTake([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out byte[]? pdu)
    {
        pdu = null;
        if (_count < RpcHeader.Size)
        {
            return false;
        }
        var length = RpcHeader.Read(_buffer.AsSpan(0, _count)).FragmentLength;
        if (_count < length)
        {
            return false;
        }
        pdu = _buffer[..length];
        _buffer.AsSpan(length, _count - length).CopyTo(_buffer);
        _count -= length;
        return true;
    }
}
