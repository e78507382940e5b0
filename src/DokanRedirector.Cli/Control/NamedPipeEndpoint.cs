using System.IO.Pipes;
using System.Runtime.Versioning;
using System.Security.Principal;

namespace DokanRedirector.Cli.Control;

/// <summary>
/// The control channel on Windows: a named pipe whose DACL admits this user alone (<see cref="ControlPipe.Sddl"/>).
/// The CLI connects with <c>PipeOptions.CurrentUserOnly</c>, which refuses a pipe another user owns, and the
/// service checks each client's process token. The server cannot take CurrentUserOnly too: .NET refuses it
/// alongside an explicit PipeSecurity, and the explicit one is what makes the ACL reviewable.
/// </summary>
[SupportedOSPlatform("windows")]
internal sealed class NamedPipeEndpoint(string pipeName) : ControlEndpoint
{
    /// <summary>
    /// How long a client tries. .NET retries a pipe that does not exist until this ends, so every "is the service
    /// running?" costs it; the service keeps an instance waiting at all times, so a live one answers well within it.
    /// </summary>
    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromMilliseconds(500);

    public override string Address => pipeName;

    /// <summary><c>%LOCALAPPDATA%\DokanRedirector\service.log</c>: per user, like the pipe.</summary>
    public override string LogFile =>
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), "DokanRedirector", "service.log");

    public override void PrepareLogDirectory() => Directory.CreateDirectory(Path.GetDirectoryName(LogFile)!);

    public override async Task<Stream?> TryConnectAsync(CancellationToken cancellationToken)
    {
        // Identification: the service may read who we are, but not act as us.
        var pipe = new NamedPipeClientStream(".", pipeName, PipeDirection.InOut,
            PipeOptions.Asynchronous | PipeOptions.CurrentUserOnly, TokenImpersonationLevel.Identification);
        try
        {
            await pipe.ConnectAsync(ConnectTimeout, cancellationToken);
            return pipe;
        }
        catch (TimeoutException)
        {
            await pipe.DisposeAsync();
            return null;
        }
        catch (UnauthorizedAccessException e)
        {
            await pipe.DisposeAsync();
            throw new ServiceUnavailableException(
                $"The pipe {pipeName} is not owned by you ({e.Message}); it is not your service, and a password is not for it. "
                + "An elevated prompt and a normal one own their pipes differently: use the kind of prompt that started the service.");
        }
        catch
        {
            await pipe.DisposeAsync();
            throw;
        }
    }

    public override async Task<bool> IsListeningAsync(CancellationToken cancellationToken)
    {
        await using var pipe = new NamedPipeClientStream(".", pipeName, PipeDirection.InOut, PipeOptions.Asynchronous);
        try
        {
            await pipe.ConnectAsync(ConnectTimeout, cancellationToken);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return true; // someone listens, whose ACL keeps us out
        }
    }

    public override Task<IControlListener> ListenAsync(CancellationToken cancellationToken)
    {
        using var identity = WindowsIdentity.GetCurrent();
        var user = identity.User!;
        var security = new PipeSecurity();
        security.SetSecurityDescriptorSddlForm(ControlPipe.Sddl(user.Value, (identity.Owner ?? user).Value));
        try
        {
            // FirstPipeInstance: if anyone, of any user, created this name first, we fail here instead of sharing it.
            var first = Create(pipeName, security, PipeOptions.FirstPipeInstance);
            return Task.FromResult<IControlListener>(new Listener(pipeName, security, user, first));
        }
        catch (UnauthorizedAccessException e)
        {
            throw new InvalidOperationException($"A service already listens on the pipe {pipeName}.", e);
        }
    }

    private static NamedPipeServerStream Create(string pipeName, PipeSecurity security, PipeOptions extra = PipeOptions.None) =>
        NamedPipeServerStreamAcl.Create(pipeName, PipeDirection.InOut, NamedPipeServerStream.MaxAllowedServerInstances,
            PipeTransmissionMode.Byte, PipeOptions.Asynchronous | extra, inBufferSize: 0, outBufferSize: 0, security);

    /// <summary>Keeps one instance waiting at all times, so a client never finds the name missing between two accepts.</summary>
    private sealed class Listener(string pipeName, PipeSecurity security, SecurityIdentifier owner, NamedPipeServerStream first)
        : IControlListener
    {
        private NamedPipeServerStream _waiting = first;

        public string Owner => owner.Value;

        public async Task<Stream> AcceptAsync(CancellationToken cancellationToken)
        {
            await _waiting.WaitForConnectionAsync(cancellationToken);
            var connected = _waiting;
            _waiting = Create(pipeName, security);
            return connected;
        }

        public ControlPeer Identify(Stream client)
        {
            var (processId, sid) = PipeClientIdentity.Of((NamedPipeServerStream)client);
            return new ControlPeer(processId, sid?.Value ?? "an unknown account", sid == owner);
        }

        public void Dispose() => _waiting.Dispose();
    }
}
