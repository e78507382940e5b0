using System.Net.Sockets;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace DokanRedirector.Cli.Control;

/// <summary>
/// The service's end of the control channel: accepts connections, asks the operating system who each peer is
/// (<see cref="IControlListener.Identify"/>), then answers request lines one by one until the peer hangs up.
/// </summary>
internal sealed class ControlServer(string address, IControlHandler handler, ILogger<ControlServer> logger)
{
    private readonly ControlEndpoint _endpoint = ControlEndpoint.For(address);

    /// <summary>Listens and serves until <paramref name="cancellationToken"/> ends; then stops listening.</summary>
    /// <exception cref="InvalidOperationException">Another service already answers there.</exception>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using var listener = await _endpoint.ListenAsync(cancellationToken);
        Log.ServiceListening(logger, _endpoint.Address, listener.Owner);
        var clients = new List<Task>();
        try
        {
            while (true)
            {
                var client = await listener.AcceptAsync(cancellationToken);
                clients.RemoveAll(t => t.IsCompleted);
                clients.Add(ServeClientAsync(listener, client, cancellationToken));
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping: the clients in flight see the same token and end.
        }
        finally
        {
            await Task.WhenAll(clients);
        }
    }

    private async Task ServeClientAsync(IControlListener listener, Stream client, CancellationToken ct)
    {
        await Task.Yield(); // the accept loop goes on while this client is served
        await using var _ = client;
        var channel = new LineChannel(client);
        try
        {
            var peer = listener.Identify(client);
            if (!peer.MayControl)
            {
                Log.PeerRejected(logger, peer.ProcessId, peer.Account, listener.Owner);
                await channel.WriteAsync(ControlJson.Serialize(ControlResponse.Failure(NtStatus.AccessDenied,
                    $"Only {listener.Owner} may control this service.")), ct);
                return;
            }
            while (await channel.ReadLineAsync(ct) is { } line)
            {
                var response = await AnswerAsync(line, peer, ct);
                // Not cancellable: the answer to `stop` is written after the token ended, and a line this
                // size fits the channel's buffer, so the write cannot hang on a peer that does not read.
                await channel.WriteAsync(ControlJson.Serialize(response), CancellationToken.None);
            }
        }
        catch (Exception e) when (e is IOException or SocketException or InvalidDataException or OperationCanceledException)
        {
            Log.ControlConnectionEnded(logger, e.Message);
        }
    }

    private async Task<ControlResponse> AnswerAsync(string line, ControlPeer peer, CancellationToken ct)
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
        Log.RequestReceived(logger, request.GetType().Name, peer.ProcessId, peer.Account);
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
