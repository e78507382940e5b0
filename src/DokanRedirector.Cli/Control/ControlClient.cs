using System.Net.Sockets;

namespace DokanRedirector.Cli.Control;

/// <summary>The CLI's end of the control socket: one connection, one request, one response.</summary>
internal sealed class ControlClient(string socketPath)
{
    public string SocketPath { get; } = Path.GetFullPath(socketPath);

    /// <exception cref="SocketException">Nobody listens (no socket file, or a stale one): see <see cref="IsNotRunning"/>.</exception>
    /// <exception cref="ServiceUnavailableException">Another user's process listens there.</exception>
    /// <exception cref="IOException">The service hung up without an answer.</exception>
    public async Task<ControlResponse> SendAsync(ControlRequest request, CancellationToken cancellationToken)
    {
        using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        await socket.ConnectAsync(new UnixDomainSocketEndPoint(SocketPath), cancellationToken);
        var service = PeerCredentials.Of(socket);
        if (!service.IsUserOrRoot(UnixUser.EffectiveUserId))
        {
            throw new ServiceUnavailableException(
                $"The process on {SocketPath} (pid {service.ProcessId}) runs as uid {service.UserId}, neither you nor root; "
                + "it is not your service, and a password is not for it.");
        }
        await using var stream = new NetworkStream(socket, ownsSocket: false);
        var channel = new LineChannel(stream);
        await channel.WriteAsync(ControlJson.Serialize(request), cancellationToken);
        var line = await channel.ReadLineAsync(cancellationToken)
            ?? throw new IOException($"The service on {SocketPath} closed the connection without answering (see its log).");
        return ControlJson.ParseResponse(line);
    }

    /// <summary>Whether a connect failure means "no service here" (as opposed to, say, a permission problem).</summary>
    public static bool IsNotRunning(SocketException e) =>
        e.SocketErrorCode is SocketError.AddressNotAvailable or SocketError.ConnectionRefused
        || e.SocketErrorCode == SocketError.NotSocket
        || e.NativeErrorCode == 2; // ENOENT: no socket file

    /// <summary>True when a process accepts connections on <paramref name="socketPath"/>.</summary>
    public static async Task<bool> IsListeningAsync(string socketPath, CancellationToken cancellationToken)
    {
        using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            await socket.ConnectAsync(new UnixDomainSocketEndPoint(socketPath), cancellationToken);
            return true;
        }
        catch (SocketException e) when (IsNotRunning(e))
        {
            return false;
        }
    }
}
