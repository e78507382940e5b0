using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using DokanRedirector.Smb.Crypto;
using DokanRedirector.Smb.Messages;
using DokanRedirector.Smb.Tests.Messages;

namespace DokanRedirector.Smb.Tests.Fixtures;

/// <summary>
/// A loopback peer that speaks raw Direct-TCP frames under the test's control, to provoke what a real
/// server rarely does on cue: out-of-order and interim responses, compounds, bad frames, silence.
/// </summary>
internal sealed class ScriptedSmbServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private Socket? _client;

    public ScriptedSmbServer()
    {
        _listener.Start();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>Connects a client and answers its NEGOTIATE with 2.0.2 and a grant of <paramref name="credits"/>.</summary>
    public Task<SmbConnection> ConnectClientAsync(ushort credits, SmbClientOptions? options = null) =>
        ConnectClientAsync(credits, SmbDialect.Smb202, SmbCapabilities.None, options);

    /// <summary>Connects a client and answers its NEGOTIATE with <paramref name="dialect"/> (2.x) and <paramref name="capabilities"/>.</summary>
    public async Task<SmbConnection> ConnectClientAsync(ushort credits, SmbDialect dialect, SmbCapabilities capabilities, SmbClientOptions? options = null)
    {
        var connecting = SmbConnection.ConnectAsync("127.0.0.1", Port, options, CancellationToken.None);
        _client = await _listener.AcceptSocketAsync();
        var negotiate = await ReadMessageAsync();
        var body = new byte[65];
        BinaryPrimitives.WriteUInt16LittleEndian(body, 65);
        BinaryPrimitives.WriteUInt16LittleEndian(body.AsSpan(4), (ushort)dialect);
        BinaryPrimitives.WriteUInt32LittleEndian(body.AsSpan(24), (uint)capabilities);
        BinaryPrimitives.WriteUInt32LittleEndian(body.AsSpan(28), 65536);
        BinaryPrimitives.WriteUInt32LittleEndian(body.AsSpan(32), 65536);
        BinaryPrimitives.WriteUInt32LittleEndian(body.AsSpan(36), 65536);
        await SendAsync(Response(negotiate.MessageId, SmbCommand.Negotiate, credits, body));
        return await connecting;
    }

    public async Task<SmbHeader> ReadMessageAsync() => SmbHeader.Read(await ReadFrameAsync());

    /// <summary>
    /// Has the client send an ECHO and returns the command of the next request on the wire, answering it: ECHO
    /// unless the client sent something else first (an acknowledgment, a CLOSE) that the test did not expect.
    /// </summary>
    public async Task<SmbCommand> NextCommandBeforeAnEchoAsync(SmbConnection connection)
    {
        var echo = connection.EchoAsync(CancellationToken.None);
        var next = await ReadMessageAsync();
        await SendAsync(EchoResponse(next.MessageId));
        await echo;
        return next.Command;
    }

    /// <summary>
    /// A tree on <paramref name="connection"/> as if SESSION_SETUP (unsigned session <see cref="SessionId"/>) and
    /// TREE_CONNECT (tree <see cref="TreeId"/>) had happened.
    /// </summary>
    public static SmbTree Tree(SmbConnection connection) =>
        new(new SmbSession(connection, SessionId, SmbSessionFlags.None, keys: null, signer: null, transform: null),
            TreeId, @"\\127.0.0.1\share", new TreeConnectResponse(SmbShareType.Disk, SmbShareFlags.None, SmbShareCapabilities.None, 0x001F01FF),
            encrypt: false);

    public const ulong SessionId = 0x11;

    public const uint TreeId = 7;

    /// <summary>Opens <paramref name="name"/> on <paramref name="tree"/>, answering its CREATE for <see cref="FileMessages.FileId"/> as given.</summary>
    public async Task<SmbFile> OpenAsync(SmbTree tree, string name, SmbCreateOptions options, SmbOplockLevel granted, SmbLeaseState? lease = null)
    {
        var opening = tree.CreateAsync(name, options, CancellationToken.None);
        var create = await ReadMessageAsync();
        await SendAsync(FileMessages.CreateResponseGranting(create.MessageId, granted, lease));
        return await opening;
    }

    /// <summary>The next frame's bytes, prefix stripped (a whole compound, or a TRANSFORM_HEADER message).</summary>
    public async Task<byte[]> ReadFrameAsync()
    {
        var prefix = await ReadExactlyAsync(4);
        var length = (prefix[1] << 16) | (prefix[2] << 8) | prefix[3];
        return await ReadExactlyAsync(length);
    }

    public Task SendAsync(params byte[][] messages) => SendRawAsync(Frame(messages));

    /// <summary>One Direct-TCP frame: the 4-byte prefix, then the messages back to back.</summary>
    public static byte[] Frame(params byte[][] messages)
    {
        var total = messages.Sum(m => m.Length);
        var frame = new byte[4 + total];
        frame[1] = (byte)(total >> 16);
        frame[2] = (byte)(total >> 8);
        frame[3] = (byte)total;
        var offset = 4;
        foreach (var message in messages)
        {
            message.CopyTo(frame, offset);
            offset += message.Length;
        }
        return frame;
    }

    public async Task SendRawAsync(byte[] bytes) => await _client!.SendAsync(bytes, SocketFlags.None);

    /// <summary>An ECHO response (sync form), or its interim/async form when <paramref name="asyncId"/> is set.</summary>
    public static byte[] EchoResponse(ulong messageId, ushort credits = 1, ulong? asyncId = null, NtStatus? status = null) =>
        Response(messageId, SmbCommand.Echo, credits, [4, 0, 0, 0], asyncId, status);

    public static byte[] Response(ulong messageId, SmbCommand command, ushort credits, byte[] body, ulong? asyncId = null, NtStatus? status = null)
    {
        var message = new byte[SmbHeader.Size + body.Length];
        var flags = SmbHeaderFlags.ServerToRedir | (asyncId is null ? 0 : SmbHeaderFlags.AsyncCommand);
        new SmbHeader
        {
            Command = command,
            Credits = credits,
            Flags = flags,
            MessageId = messageId,
            AsyncId = asyncId ?? 0,
            Status = (status ?? NtStatus.Success).Value,
        }.Write(message);
        body.CopyTo(message, SmbHeader.Size);
        return message;
    }

    /// <summary>Chains messages into one compound: each but the last padded to 8 and its NextCommand set.</summary>
    public static byte[] Compound(params byte[][] messages)
    {
        var parts = new List<byte>();
        for (var i = 0; i < messages.Length; i++)
        {
            var message = messages[i];
            if (i < messages.Length - 1)
            {
                var padded = (message.Length + 7) & ~7;
                Array.Resize(ref message, padded);
                BinaryPrimitives.WriteUInt32LittleEndian(message.AsSpan(20), (uint)padded);
            }
            parts.AddRange(message);
        }
        return [.. parts];
    }

    public async ValueTask DisposeAsync()
    {
        _client?.Dispose();
        _listener.Stop();
        _listener.Dispose();
        await Task.CompletedTask;
    }

    private async Task<byte[]> ReadExactlyAsync(int count)
    {
        var buffer = new byte[count];
        for (var read = 0; read < count;)
        {
            var n = await _client!.ReceiveAsync(buffer.AsMemory(read), SocketFlags.None);
            if (n == 0)
            {
                throw new EndOfStreamException("the client closed the connection");
            }
            read += n;
        }
        return buffer;
    }
}
