namespace DokanRedirector.Cli.Control;

/// <summary>The CLI's end of the control channel: one connection, one request, one response.</summary>
internal sealed class ControlClient(string address)
{
    private readonly ControlEndpoint _endpoint = ControlEndpoint.For(address);

    /// <exception cref="ServiceUnavailableException">Nobody listens, or another user's process does.</exception>
    /// <exception cref="IOException">The service hung up without an answer.</exception>
    public async Task<ControlResponse> SendAsync(ControlRequest request, CancellationToken cancellationToken) =>
        await TrySendAsync(request, cancellationToken)
        ?? throw new ServiceUnavailableException($"No service listens on {_endpoint.Address}.");

    /// <summary>Sends <paramref name="request"/> if the service runs; null if it does not (it is not started).</summary>
    /// <exception cref="ServiceUnavailableException">Another user's process listens there.</exception>
    /// <exception cref="IOException">The service hung up without an answer.</exception>
    public async Task<ControlResponse?> TrySendAsync(ControlRequest request, CancellationToken cancellationToken)
    {
        await using var stream = await _endpoint.TryConnectAsync(cancellationToken);
        if (stream is null)
        {
            return null;
        }
        var channel = new LineChannel(stream);
        await channel.WriteAsync(ControlJson.Serialize(request), cancellationToken);
        var line = await channel.ReadLineAsync(cancellationToken)
            ?? throw new IOException($"The service on {_endpoint.Address} closed the connection without answering (see its log).");
        return ControlJson.ParseResponse(line);
    }

    /// <summary>True when a process accepts connections on <paramref name="address"/>.</summary>
    public static Task<bool> IsListeningAsync(string address, CancellationToken cancellationToken) =>
        ControlEndpoint.For(address).IsListeningAsync(cancellationToken);
}
