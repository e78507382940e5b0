namespace DokanRedirector.Cli.Control;

/// <summary>
/// Where the CLI and the service meet: a Unix socket checked with SO_PEERCRED on Linux, a named pipe whose ACL
/// admits the user alone on Windows. Both carry the same JSON lines (<see cref="LineChannel"/>).
/// </summary>
internal abstract class ControlEndpoint
{
    /// <summary>The socket's path or the pipe's name, as <c>--socket</c> takes it and messages show it.</summary>
    public abstract string Address { get; }

    /// <summary>Where a service the CLI starts writes its output.</summary>
    public abstract string LogFile { get; }

    /// <summary>The endpoint <c>--socket</c> names, or this user's default when it names none.</summary>
    public static ControlEndpoint For(string? address) =>
        OperatingSystem.IsWindows() ? new NamedPipeEndpoint(address ?? ControlPipe.DefaultName())
        : OperatingSystem.IsLinux() ? new UnixSocketEndpoint(Path.GetFullPath(address ?? ControlSocketPath.Default()))
        : throw new PlatformNotSupportedException("dokanredirector runs on Linux and Windows.");

    /// <summary>A connection to the service, checked to be this user's; null when nobody listens.</summary>
    /// <exception cref="ServiceUnavailableException">Another user's process listens there.</exception>
    public abstract Task<Stream?> TryConnectAsync(CancellationToken cancellationToken);

    /// <summary>True when a process accepts connections here (whoever it runs as).</summary>
    public abstract Task<bool> IsListeningAsync(CancellationToken cancellationToken);

    /// <summary>Starts accepting connections.</summary>
    /// <exception cref="InvalidOperationException">Another service already listens here.</exception>
    public abstract Task<IControlListener> ListenAsync(CancellationToken cancellationToken);

    /// <summary>Creates the directory of <see cref="LogFile"/> (private where the platform needs it).</summary>
    public abstract void PrepareLogDirectory();
}

/// <summary>The service's end: connected clients, and who the operating system says each one is.</summary>
internal interface IControlListener : IDisposable
{
    /// <summary>Who may control the service, for the log and a refusal: "uid 1000 and root", or a SID.</summary>
    string Owner { get; }

    Task<Stream> AcceptAsync(CancellationToken cancellationToken);

    /// <summary>The peer at the other end of <paramref name="client"/>, a stream <see cref="AcceptAsync"/> returned.</summary>
    ControlPeer Identify(Stream client);
}

/// <summary>Who sent a request: taken from the operating system, never from what the peer says.</summary>
/// <param name="Account">"uid 1000" on Linux, the SID on Windows.</param>
/// <param name="MayControl">The peer is the service's owner (or root on Linux).</param>
internal sealed record ControlPeer(int ProcessId, string Account, bool MayControl);
