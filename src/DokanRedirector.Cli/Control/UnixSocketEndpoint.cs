using System.Net.Sockets;
using System.Runtime.Versioning;

namespace DokanRedirector.Cli.Control;

/// <summary>
/// The control channel on Linux: a Unix socket in a private directory (<see cref="ControlSocketPath"/>). Both ends
/// check the other with SO_PEERCRED: the service answers its own user and root, the CLI talks only to its own
/// or root's service (it may send a password).
/// </summary>
[SupportedOSPlatform("linux")]
internal sealed class UnixSocketEndpoint(string socketPath) : ControlEndpoint
{
    public override string Address => socketPath;

    public override string LogFile => ControlSocketPath.LogFile(socketPath);

    public override void PrepareLogDirectory() => ControlSocketPath.PrepareDirectory(socketPath);

    public override async Task<Stream?> TryConnectAsync(CancellationToken cancellationToken)
    {
        var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            await socket.ConnectAsync(new UnixDomainSocketEndPoint(socketPath), cancellationToken);
            var service = PeerCredentials.Of(socket);
            if (!service.IsUserOrRoot(UnixUser.EffectiveUserId))
            {
                throw new ServiceUnavailableException(
                    $"The process on {socketPath} (pid {service.ProcessId}) runs as uid {service.UserId}, neither you nor root; "
                    + "it is not your service, and a password is not for it.");
            }
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch (SocketException e) when (IsNotRunning(e))
        {
            socket.Dispose();
            return null;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    public override async Task<bool> IsListeningAsync(CancellationToken cancellationToken)
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

    public override async Task<IControlListener> ListenAsync(CancellationToken cancellationToken)
    {
        ControlSocketPath.PrepareDirectory(socketPath);
        if (File.Exists(socketPath))
        {
            // A socket file with nobody behind it is left over from a service that died; one that answers is not ours to take.
            if (await IsListeningAsync(cancellationToken))
            {
                throw new InvalidOperationException($"A service already listens on {socketPath}.");
            }
            File.Delete(socketPath);
        }
        var listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            listener.Bind(new UnixDomainSocketEndPoint(socketPath));
            // The directory (0700) already keeps others out; the mode is a second fence.
            File.SetUnixFileMode(socketPath, UnixFileMode.UserRead | UnixFileMode.UserWrite); // ours: just created
            listener.Listen(16);
            return new Listener(listener, socketPath);
        }
        catch
        {
            listener.Dispose();
            throw;
        }
    }

    /// <summary>Whether a connect failure means "no service here" (as opposed to, say, a permission problem).</summary>
    private static bool IsNotRunning(SocketException e) =>
        e.SocketErrorCode is SocketError.AddressNotAvailable or SocketError.ConnectionRefused
        || e.SocketErrorCode == SocketError.NotSocket
        || e.NativeErrorCode == 2; // ENOENT: no socket file

    private sealed class Listener(Socket socket, string socketPath) : IControlListener
    {
        private readonly uint _owner = UnixUser.EffectiveUserId;

        public string Owner => $"uid {_owner} and root";

        public async Task<Stream> AcceptAsync(CancellationToken cancellationToken) =>
            new NetworkStream(await socket.AcceptAsync(cancellationToken), ownsSocket: true);

        public ControlPeer Identify(Stream client)
        {
            var peer = PeerCredentials.Of(((NetworkStream)client).Socket);
            return new ControlPeer(peer.ProcessId, $"uid {peer.UserId}", peer.IsUserOrRoot(_owner));
        }

        /// <summary>Closes the socket and removes its file: nobody listens there any more.</summary>
        public void Dispose()
        {
            socket.Dispose();
            File.Delete(socketPath);
        }
    }
}
