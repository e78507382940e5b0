using System.Net.Sockets;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace DokanRedirector.Cli.Control;

/// <summary>
/// The service's end of the control socket: accepts connections, checks each peer with SO_PEERCRED (same
/// uid or root), then answers request lines one by one until the peer hangs up.
/// </summary>
internal sealed class ControlServer(string socketPath, IControlHandler handler, ILogger<ControlServer> logger)
{
    /// <summary>Whose service this is; peers of another uid (other than root) are refused.</summary>
    public uint OwnerUserId { get; init; } = UnixUser.EffectiveUserId;

    public string SocketPath { get; } = Path.GetFullPath(socketPath);

    /// <summary>Binds the socket and serves until <paramref name="cancellationToken"/> ends; then removes it.</summary>
    /// <exception cref="InvalidOperationException">Another service already answers on the socket.</exception>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using var listener = await BindAsync(cancellationToken);
        Log.ServiceListening(logger, SocketPath, OwnerUserId);
        var clients = new List<Task>();
        try
        {
            while (true)
            {
                var client = await listener.AcceptAsync(cancellationToken);
                clients.RemoveAll(t => t.IsCompleted);
                clients.Add(ServeClientAsync(client, cancellationToken));
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping: the clients in flight see the same token and end.
        }
        finally
        {
            File.Delete(SocketPath);
            await Task.WhenAll(clients);
        }
    }

    private async Task<Socket> BindAsync(CancellationToken ct)
    {
        ControlSocketPath.PrepareDirectory(SocketPath);
        if (File.Exists(SocketPath))
        {
            // A socket file with nobody behind it is left over from a service that died; one that answers is not ours to take.
            if (await ControlClient.IsListeningAsync(SocketPath, ct))
            {
                throw new InvalidOperationException($"A service already listens on {SocketPath}.");
            }
            File.Delete(SocketPath);
        }
        var listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            listener.Bind(new UnixDomainSocketEndPoint(SocketPath));
            // The directory (0700) already keeps others out; the mode is a second fence.
            File.SetUnixFileMode(SocketPath, UnixFileMode.UserRead | UnixFileMode.UserWrite); // ours: just created
            listener.Listen(16);
            return listener;
        }
        catch
        {
            listener.Dispose();
            throw;
        }
    }

    private async Task ServeClientAsync(Socket client, CancellationToken ct)
    {
        await Task.Yield(); // the accept loop goes on while this client is served
        using var _ = client;
        await using var stream = new NetworkStream(client, ownsSocket: false);
        var channel = new LineChannel(stream);
        try
        {
            var peer = PeerCredentials.Of(client);
            if (!peer.IsUserOrRoot(OwnerUserId))
            {
                Log.PeerRejected(logger, peer.ProcessId, peer.UserId, OwnerUserId);
                await channel.WriteAsync(ControlJson.Serialize(ControlResponse.Failure(NtStatus.AccessDenied,
                    $"This service belongs to uid {OwnerUserId}; only that user and root may control it.")), ct);
                return;
            }
            while (await channel.ReadLineAsync(ct) is { } line)
            {
                var response = await AnswerAsync(line, peer, ct);
                // Not cancellable: the answer to `stop` is written after the token ended, and a line this
                // size fits the socket's buffer, so the write cannot hang on a peer that does not read.
                await channel.WriteAsync(ControlJson.Serialize(response), CancellationToken.None);
            }
        }
        catch (Exception e) when (e is IOException or SocketException or InvalidDataException or OperationCanceledException)
        {
            Log.ControlConnectionEnded(logger, e.Message);
        }
    }

    private async Task<ControlResponse> AnswerAsync(string line, PeerCredentials peer, CancellationToken ct)
    {
        ControlRequest request;
        try
        {
            request = ControlJson.ParseRequest(line);
        }
        catch (JsonException e)
        {
            return ControlResponse.Failure(NtStatus.InvalidParameter,
                $"The service cannot read this request ({e.Message}). If the CLI was updated, restart the service: dokanredirector stop.");
        }
        if (request.Version != ControlProtocol.Version)
        {
            return ControlResponse.Failure(NtStatus.NotSupported,
                $"The CLI speaks control protocol {request.Version}, the service {ControlProtocol.Version}. Restart the service: dokanredirector stop.");
        }
        Log.RequestReceived(logger, request.GetType().Name, peer.ProcessId, peer.UserId);
        try
        {
            return await handler.HandleAsync(request, peer, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A bug in one request must not take the service, and every mount it owns, down with it.
            Log.RequestFailed(logger, e, request.GetType().Name);
            return ControlResponse.Failure(NtStatus.InternalError, $"The service failed: {e.Message} (see its log).");
        }
    }
}
