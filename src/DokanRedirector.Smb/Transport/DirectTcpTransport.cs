// MS-SMB2 2.1 Transport: Direct TCP, each message preceded by 0x00 and a 3-byte big-endian length.
using System.Net.Sockets;
using System.Runtime.CompilerServices;

namespace DokanRedirector.Smb.Transport;

/// <summary>
/// Direct TCP framing over one socket. Receives are made by a single reader (the connection's receive
/// loop) through a staging buffer, so small frames cost one syscall for many; large frames are read
/// straight into their pooled buffer. Sends are serialized here and never cancelled half-way: a frame
/// cut short would desynchronize the stream.
/// </summary>
internal sealed class DirectTcpTransport : IDisposable
{
    public const int FramePrefixSize = 4;

    /// <summary>The 3-byte length field cannot describe more.</summary>
    public const int MaxFrameLimit = 0xFFFFFF;

    private const int StagingSize = 64 * 1024;

    private readonly Socket _socket;
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly byte[] _staging = new byte[StagingSize];
    private int _stagingStart;
    private int _stagingEnd;

    private DirectTcpTransport(Socket socket, string endpoint)
    {
        _socket = socket;
        Endpoint = endpoint;
    }

    /// <summary><c>host:port</c>, for messages.</summary>
    public string Endpoint { get; }

    /// <summary>Frames longer than this break the connection (lowered after NEGOTIATE to what the sizes allow).</summary>
    public int MaxFrameSize { get; set; } = MaxFrameLimit;

    public static async Task<DirectTcpTransport> ConnectAsync(string host, int port, TimeSpan timeout, int socketBufferSize, CancellationToken ct)
    {
        var endpoint = $"{host}:{port}";
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        // 0 keeps the OS default: on Linux an explicit SO_RCVBUF turns off receive autotuning and is
        // capped by net.core.rmem_max, which usually makes the window smaller, not larger.
        if (socketBufferSize > 0)
        {
            socket.ReceiveBufferSize = socketBufferSize;
            socket.SendBufferSize = socketBufferSize;
        }
        using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeoutSource.CancelAfter(timeout);
        try
        {
            await socket.ConnectAsync(host, port, timeoutSource.Token).ConfigureAwait(false);
            socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.KeepAlive, true);
            return new DirectTcpTransport(socket, endpoint);
        }
        catch (SocketException e)
        {
            socket.Dispose();
            throw new SmbException($"Could not connect to {endpoint}: {Describe(e.SocketErrorCode)} ({e.SocketErrorCode}).", isTransient: true, e);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            socket.Dispose();
            throw new SmbException($"Could not connect to {endpoint}: no answer within {timeout.TotalSeconds:0.#} s.", isTransient: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>Writes the Direct-TCP prefix for a message of <paramref name="messageLength"/> bytes.</summary>
    public static void WriteFramePrefix(Span<byte> destination, int messageLength)
    {
        destination[0] = 0;
        destination[1] = (byte)(messageLength >> 16);
        destination[2] = (byte)(messageLength >> 8);
        destination[3] = (byte)messageLength;
    }

    /// <summary>Sends a whole frame (prefix included). Only waiting for the lock can be cancelled.</summary>
    public async ValueTask SendAsync(ReadOnlyMemory<byte> frame, CancellationToken ct)
    {
        await _sendLock.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            while (!frame.IsEmpty)
            {
                var sent = await _socket.SendAsync(frame, SocketFlags.None, CancellationToken.None).ConfigureAwait(false);
                frame = frame[sent..];
            }
        }
        catch (SocketException e)
        {
            throw new SmbException($"Sending to {Endpoint} failed: {Describe(e.SocketErrorCode)} ({e.SocketErrorCode}).", isTransient: true, e);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    /// <summary>
    /// Reads the next frame and returns its message (prefix stripped) in a buffer the caller releases.
    /// Only the receive loop calls this.
    /// </summary>
    // The receive methods are pooled: they run for every frame, and a large frame takes many socket reads that wait.
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public async ValueTask<FrameBuffer> ReceiveAsync(CancellationToken ct)
    {
        while (_stagingEnd - _stagingStart < FramePrefixSize)
        {
            await FillStagingAsync(ct).ConfigureAwait(false);
        }
        var prefix = _staging.AsSpan(_stagingStart, FramePrefixSize);
        if (prefix[0] != 0)
        {
            throw new SmbProtocolException($"{Endpoint} sent a frame whose first byte is 0x{prefix[0]:X2}, not the Direct TCP 0x00.");
        }
        var length = (prefix[1] << 16) | (prefix[2] << 8) | prefix[3];
        if (length > MaxFrameSize)
        {
            throw new SmbProtocolException($"{Endpoint} sent a {length}-byte frame; the limit is {MaxFrameSize}.");
        }
        _stagingStart += FramePrefixSize;

        var frame = FrameBuffer.Rent(length);
        try
        {
            var buffered = Math.Min(length, _stagingEnd - _stagingStart);
            _staging.AsSpan(_stagingStart, buffered).CopyTo(frame.Span);
            _stagingStart += buffered;
            var memory = frame.Memory;
            for (var filled = buffered; filled < length;)
            {
                filled += await ReceiveSomeAsync(memory[filled..], ct).ConfigureAwait(false);
            }
            return frame;
        }
        catch
        {
            frame.Release();
            throw;
        }
    }

    public void Dispose()
    {
        try
        {
            _socket.Shutdown(SocketShutdown.Both);
        }
        catch (SocketException)
        {
            // Not connected any more: nothing to shut down.
        }
        catch (ObjectDisposedException)
        {
        }
        _socket.Dispose();
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    private async ValueTask FillStagingAsync(CancellationToken ct)
    {
        if (_stagingStart > 0)
        {
            var kept = _stagingEnd - _stagingStart;
            _staging.AsSpan(_stagingStart, kept).CopyTo(_staging);
            _stagingStart = 0;
            _stagingEnd = kept;
        }
        _stagingEnd += await ReceiveSomeAsync(_staging.AsMemory(_stagingEnd), ct).ConfigureAwait(false);
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<int> ReceiveSomeAsync(Memory<byte> buffer, CancellationToken ct)
    {
        int received;
        try
        {
            received = await _socket.ReceiveAsync(buffer, SocketFlags.None, ct).ConfigureAwait(false);
        }
        catch (SocketException e)
        {
            throw new SmbException($"Receiving from {Endpoint} failed: {Describe(e.SocketErrorCode)} ({e.SocketErrorCode}).", isTransient: true, e);
        }
        if (received == 0)
        {
            throw new SmbException($"{Endpoint} closed the connection.", isTransient: true);
        }
        return received;
    }

    private static string Describe(SocketError error) => error switch
    {
        SocketError.ConnectionRefused => "connection refused (is the SMB server running and listening on this port?)",
        SocketError.ConnectionReset => "the connection was reset by the server",
        SocketError.ConnectionAborted => "the connection was aborted",
        SocketError.TimedOut => "timed out",
        SocketError.HostNotFound or SocketError.NoData => "host name not found",
        SocketError.HostUnreachable => "host unreachable",
        SocketError.NetworkUnreachable => "network unreachable",
        _ => "socket error",
    };
}
