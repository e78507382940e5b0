using System.Collections.Concurrent;
using System.Net.Sockets;
using DokanRedirector.Cli.Control;
using DokanRedirector.Cli.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace DokanRedirector.Cli.Tests.Control;

/// <summary>The control socket for real: bind, SO_PEERCRED, framing, and refusals, with a handler that records.</summary>
public sealed class ControlServerTests
{
    private TempDirectory _dir = null!;
    private CancellationTokenSource _stop = null!;
    private RecordingHandler _handler = null!;
    private string _socket = null!;

    [SetUp]
    public void SetUp()
    {
        _dir = new TempDirectory();
        _stop = new CancellationTokenSource();
        _handler = new RecordingHandler();
        _socket = Path.Combine(_dir.Path, "run", "control.sock");
    }

    [TearDown]
    public void TearDown()
    {
        _stop.Dispose();
        _dir.Dispose();
    }

    private async Task<Task> StartAsync()
    {
        var run = new ControlServer(_socket, _handler, NullLogger<ControlServer>.Instance).RunAsync(_stop.Token);
        while (!await ControlClient.IsListeningAsync(_socket, CancellationToken.None))
        {
            Assert.That(run.IsCompleted, Is.False, () => $"the server ended: {run.Exception}");
            await Task.Delay(10);
        }
        return run;
    }

    private async Task<string> ExchangeRawAsync(string line)
    {
        using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        await socket.ConnectAsync(new UnixDomainSocketEndPoint(_socket));
        await using var stream = new NetworkStream(socket);
        var channel = new LineChannel(stream);
        await channel.WriteAsync(line, CancellationToken.None);
        return await channel.ReadLineAsync(CancellationToken.None) ?? "";
    }

    [Test]
    public async Task The_handler_sees_the_kernels_word_on_the_peer()
    {
        var run = await StartAsync();
        await new ControlClient(_socket).SendAsync(new ListRequest(), CancellationToken.None);
        await _stop.CancelAsync();
        await run;
        var (request, peer) = _handler.Received.Single();
        Assert.Multiple(() =>
        {
            Assert.That(request, Is.TypeOf<ListRequest>());
            Assert.That(peer.ProcessId, Is.EqualTo(Environment.ProcessId));
            Assert.That(peer.Account, Is.EqualTo($"uid {UnixUser.EffectiveUserId}"));
            Assert.That(peer.MayControl, Is.True);
        });
    }

    [Test]
    public async Task The_socket_lives_in_a_private_directory_and_goes_away_with_the_server()
    {
        var run = await StartAsync();
        Assert.Multiple(() =>
        {
            Assert.That(File.GetUnixFileMode(Path.GetDirectoryName(_socket)!),
                Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute));
            Assert.That(File.GetUnixFileMode(_socket), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite));
        });
        await _stop.CancelAsync();
        await run;
        Assert.That(File.Exists(_socket), Is.False);
    }

    [Test]
    public async Task Requests_on_one_connection_are_answered_in_order()
    {
        var run = await StartAsync();
        using (var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified))
        {
            await socket.ConnectAsync(new UnixDomainSocketEndPoint(_socket));
            await using var stream = new NetworkStream(socket);
            var channel = new LineChannel(stream);
            // Both lines in one write: the server must split them, not take the second as part of the first.
            await channel.WriteAsync(ControlJson.Serialize(new ListRequest()) + "\n" + ControlJson.Serialize(new StatusRequest()), CancellationToken.None);
            await channel.ReadLineAsync(CancellationToken.None);
            await channel.ReadLineAsync(CancellationToken.None);
        }
        await _stop.CancelAsync();
        await run;
        Assert.That(_handler.Received.Select(r => r.Request.GetType()), Is.EqualTo(new[] { typeof(ListRequest), typeof(StatusRequest) }));
    }

    [Test]
    public async Task A_request_of_another_protocol_version_is_refused_with_advice()
    {
        var run = await StartAsync();
        var response = ControlJson.ParseResponse(await ExchangeRawAsync("""{"command":"list","version":99}"""));
        await _stop.CancelAsync();
        await run;
        Assert.Multiple(() =>
        {
            Assert.That(response.Error?.Status, Is.EqualTo("STATUS_NOT_SUPPORTED"));
            Assert.That(response.Error?.Message, Does.Contain("dokanredirector stop"));
            Assert.That(_handler.Received, Is.Empty);
        });
    }

    [Test]
    public async Task A_line_that_is_not_a_request_is_answered_with_invalid_parameter()
    {
        var run = await StartAsync();
        var response = ControlJson.ParseResponse(await ExchangeRawAsync("hello?"));
        await _stop.CancelAsync();
        await run;
        Assert.That(response.Error?.Status, Is.EqualTo("STATUS_INVALID_PARAMETER"));
    }

    [Test]
    public async Task A_handler_that_throws_answers_internal_error_and_the_service_goes_on()
    {
        _handler.Throw = true;
        var run = await StartAsync();
        var failed = await new ControlClient(_socket).SendAsync(new StatusRequest(), CancellationToken.None);
        _handler.Throw = false;
        var next = await new ControlClient(_socket).SendAsync(new StatusRequest(), CancellationToken.None);
        await _stop.CancelAsync();
        await run;
        Assert.Multiple(() =>
        {
            Assert.That(failed.Error?.Status, Is.EqualTo("STATUS_INTERNAL_ERROR"));
            Assert.That(next.Error, Is.Null);
        });
    }

    [Test]
    public async Task A_stale_socket_file_of_a_dead_service_is_replaced()
    {
        ControlSocketPath.PrepareDirectory(_socket);
        using (var dead = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified))
        {
            // .NET unlinks a socket's file when it closes it; a service that was killed does not. Moving the
            // file away from the path .NET will unlink leaves it behind, with nobody listening.
            var bound = _socket + ".dead";
            dead.Bind(new UnixDomainSocketEndPoint(bound));
            File.Move(bound, _socket);
        }
        Assert.That(File.Exists(_socket), Is.True);
        var run = await StartAsync();
        var response = await new ControlClient(_socket).SendAsync(new ListRequest(), CancellationToken.None);
        await _stop.CancelAsync();
        await run;
        Assert.That(response.Error, Is.Null);
    }

    [Test]
    public async Task A_second_service_on_a_live_socket_refuses_to_start()
    {
        var run = await StartAsync();
        var second = new ControlServer(_socket, _handler, NullLogger<ControlServer>.Instance);
        Assert.That(() => second.RunAsync(CancellationToken.None),
            Throws.InvalidOperationException.With.Message.Contains("already listens"));
        await _stop.CancelAsync();
        await run;
    }

    private sealed class RecordingHandler : IControlHandler
    {
        public ConcurrentQueue<(ControlRequest Request, ControlPeer Peer)> Received { get; } = new();

        public volatile bool Throw;

        public Task<ControlResponse> HandleAsync(ControlRequest request, ControlPeer peer, CancellationToken cancellationToken)
        {
            if (Throw)
            {
                throw new InvalidOperationException("a bug");
            }
            Received.Enqueue((request, peer));
            return Task.FromResult(new ControlResponse());
        }
    }
}
