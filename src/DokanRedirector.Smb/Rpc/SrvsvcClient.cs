// MS-SRVS 2.1: srvsvc over the \PIPE\srvsvc named pipe; MS-RPCE 2.1.1.2 RPC over SMB named pipes
namespace DokanRedirector.Smb.Rpc;

/// <summary>
/// Lists a server's shares over DCE/RPC (bind to srvsvc, then NetrShareEnum level 1), independent of how the
/// bytes reach the pipe. Wiring it to SMB2: tree-connect to <c>IPC$</c>, CREATE <c>srvsvc</c> for read and write, then
/// <list type="bullet">
/// <item><c>transceive</c> = IOCTL FSCTL_PIPE_TRANSCEIVE (0x0011C017, MaxOutputResponse at least 4280, one fragment) with the PDU as input, returning the output
/// buffer. STATUS_BUFFER_OVERFLOW just means more of the reply waits in the pipe: return what came.</item>
/// <item><c>readMore</c> = READ on the pipe, returning the bytes read (a large reply comes as several fragments).</item>
/// </list>
/// Either may return any slice of the reply stream; the client cuts it into PDUs by their frag_length and asks
/// <c>readMore</c> until the last fragment is in. One call at a time: the pipe carries one exchange at once.
/// </summary>
public sealed class SrvsvcClient
{
    private readonly Func<ReadOnlyMemory<byte>, CancellationToken, Task<byte[]>> _transceive;
    private readonly RpcPduReader _reader;
    private uint _lastCallId;
    private bool _bound;
    private bool _broken; // an exchange failed part way; the pipe must be reopened
    private int _busy;

    public SrvsvcClient(
        Func<ReadOnlyMemory<byte>, CancellationToken, Task<byte[]>> transceive,
        Func<CancellationToken, Task<byte[]>> readMore)
    {
        ArgumentNullException.ThrowIfNull(transceive);
        ArgumentNullException.ThrowIfNull(readMore);
        _transceive = transceive;
        _reader = new RpcPduReader(readMore);
    }

    /// <summary>
    /// The shares of <paramref name="server"/> (the name the server is addressed by; it becomes <c>\\server</c>),
    /// hidden and IPC ones included. Binds first if this pipe is not yet bound.
    /// </summary>
    /// <exception cref="SmbRpcException">The server refused the bind, faulted, or NetrShareEnum returned an error.</exception>
    /// <exception cref="SmbProtocolException">The server's PDUs or NDR are malformed.</exception>
    public async Task<IReadOnlyList<SmbShareInfo>> NetShareEnumAsync(string server, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(server);
        if (Interlocked.Exchange(ref _busy, 1) != 0)
        {
            throw new InvalidOperationException("The srvsvc pipe is already in a call; calls cannot overlap.");
        }
        try
        {
            if (_broken)
            {
                throw new InvalidOperationException("An earlier call on this srvsvc pipe stopped part way; open the pipe again.");
            }
            var stub = await CallNetrShareEnumAsync(@"\\" + server.TrimStart('\\'), ct).ConfigureAwait(false);
            var response = NetrShareEnum.DecodeResponse(stub);
            if (response.Status != 0)
            {
                throw new SmbRpcException($"NetrShareEnum on {server} failed: {WerrorName(response.Status)} (WERROR {response.Status}).", response.Status);
            }
            return response.Shares;
        }
        finally
        {
            Volatile.Write(ref _busy, 0);
        }
    }

    // Binds if needed, then sends NetrShareEnum and returns the response stub. An exchange that stops part way
    // (a transport or protocol error, a cancellation) leaves the pipe in an unknown state, so the client refuses
    // further calls; a refusal the server states (SmbRpcException) leaves it usable.
    private async Task<byte[]> CallNetrShareEnumAsync(string serverName, CancellationToken ct)
    {
        try
        {
            if (!_bound)
            {
                var bindId = ++_lastCallId;
                _reader.Append(await _transceive(RpcBind.Encode(bindId, RpcSyntaxId.Srvsvc), ct).ConfigureAwait(false));
                RpcBind.ReadAck(await _reader.NextAsync(ct).ConfigureAwait(false), bindId);
                if (_reader.HasBufferedBytes)
                {
                    throw new SmbProtocolException("The pipe returned bytes after the RPC bind_ack.");
                }
                _bound = true;
            }
            var callId = ++_lastCallId;
            _reader.Append(await _transceive(RpcRequest.Encode(callId, NetrShareEnum.Opnum, NetrShareEnum.EncodeRequest(serverName)), ct).ConfigureAwait(false));
            return await RpcResponse.ReadAsync(_reader, callId, ct).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not SmbRpcException)
        {
            _broken = true;
            throw;
        }
    }

    private static string WerrorName(uint status) => status switch
    {
        5 => "access denied",
        87 => "invalid parameter",
        124 => "invalid level",
        234 => "more data",
        _ => "error",
    };
}
