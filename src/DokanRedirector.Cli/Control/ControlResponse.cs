using DokanRedirector.Rdbss;

namespace DokanRedirector.Cli.Control;

/// <summary>
/// The one line the service answers. <see cref="Error"/> is null on success; the other properties are
/// filled as the request asks (a refused disconnect fills both <see cref="Error"/> and <see cref="OpenFiles"/>).
/// </summary>
internal sealed record ControlResponse
{
    public int Version { get; init; } = ControlProtocol.Version;

    public ControlError? Error { get; init; }

    public ServiceInfo? Service { get; init; }

    public IReadOnlyList<ConnectionInfo>? Connections { get; init; }

    public IReadOnlyList<SrvCallStatus>? Status { get; init; }

    /// <summary>The files that keep a disconnect from going through, or those a forced one closed.</summary>
    public IReadOnlyList<OpenFileInfo>? OpenFiles { get; init; }

    public static ControlResponse Failure(NtStatus status, string message) => new() { Error = new ControlError(status.Name, message) };
}

/// <summary>What went wrong: the NTSTATUS name (STATUS_LOGON_FAILURE) and a sentence for a person.</summary>
internal sealed record ControlError(string Status, string Message);

/// <summary>Which service answered: after an update, an old one still running shows here.</summary>
internal sealed record ServiceInfo(int ProcessId, string Version);
