using System.Net;
using System.Net.Sockets;

namespace DokanRedirector.Smb.Tests.Fixtures;

/// <summary>
/// A man in the middle on loopback: forwards Direct-TCP frames between one client and a real server, and lets
/// the test rewrite a server-to-client frame in flight (the attacker a signature or AEAD tag must stop).
/// </summary>
internal sealed class TamperingProxy : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly int _serverPort;
    private readonly CancellationTokenSource _stop = new();
    private Task _relay = Task.CompletedTask;

    /// <param name="tamper">Called with each server frame (prefix stripped); true when it changed the bytes.</param>
    public TamperingProxy(int serverPort, Func<byte[], bool> tamper)
    {
        _serverPort = serverPort;
        Tamper = tamper;
        _listener.Start();
        _relay = RelayAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>Frames the tamper function changed.</summary>
    public int Tampered { get; private set; }

    private Func<byte[], bool> Tamper { get; }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        _listener.Dispose();
        try
        {
            await _relay;
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or IOException or ObjectDisposedException)
        {
            // Stopping tears the sockets down mid-copy.
        }
        _stop.Dispose();
    }

    private async Task RelayAsync()
    {
        using var client = await _listener.AcceptTcpClientAsync(_stop.Token);
        using var server = new TcpClient();
        await server.ConnectAsync(IPAddress.Loopback, _serverPort, _stop.Token);
        var up = client.GetStream().CopyToAsync(server.GetStream(), _stop.Token);
        var down = ForwardFramesAsync(server.GetStream(), client.GetStream());
        await Task.WhenAny(up, down);
    }

    private async Task ForwardFramesAsync(NetworkStream from, NetworkStream to)
    {
        var prefix = new byte[4];
        while (true)
        {
            await from.ReadExactlyAsync(prefix, _stop.Token);
            var frame = new byte[(prefix[1] << 16) | (prefix[2] << 8) | prefix[3]];
            await from.ReadExactlyAsync(frame, _stop.Token);
            if (Tamper(frame))
            {
                Tampered++;
            }
            await to.WriteAsync(prefix, _stop.Token);
            await to.WriteAsync(frame, _stop.Token);
        }
    }
}
