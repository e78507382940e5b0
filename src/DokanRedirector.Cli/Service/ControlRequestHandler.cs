using DokanRedirector.Cli.Control;
using DokanRedirector.Rdbss.Naming;
using DokanRedirector.SmbMiniRdr;

namespace DokanRedirector.Cli.Service;

/// <summary>Turns control requests into <see cref="RedirectorService"/> calls and their results into responses.</summary>
internal sealed class ControlRequestHandler(RedirectorService service, StopSignal stop) : IControlHandler
{
    public async Task<ControlResponse> HandleAsync(ControlRequest request, ControlPeer peer, CancellationToken cancellationToken) =>
        request switch
        {
            ListRequest => new ControlResponse { Connections = service.ListConnections() },
            StatusRequest => new ControlResponse
            {
                Service = new ServiceInfo(Environment.ProcessId, ThisAssembly.Version),
                Status = service.GetStatus(),
            },
            UseRequest use => await UseAsync(use, cancellationToken),
            DeleteRequest delete => Respond(await service.DeleteAsync(delete.Name, delete.Force)),
            StopRequest => await StopAsync(),
            _ => ControlResponse.Failure(NtStatus.NotSupported, $"The service does not know {request.GetType().Name}."),
        };

    private async Task<ControlResponse> UseAsync(UseRequest use, CancellationToken ct)
    {
        // The CLI checked the name already; a request is still input, so the service checks again.
        if (!UncName.TryParse(use.RemoteName, out var remote) || remote.Share is null)
        {
            return ControlResponse.Failure(NtStatus.ObjectNameInvalid, $"'{use.RemoteName}' is not a share name (\\\\server\\share).");
        }
        if (!LocalName.IsValid(use.LocalName))
        {
            return ControlResponse.Failure(NtStatus.ObjectNameInvalid, $"The local name '{use.LocalName}' must be {LocalName.Expected}.");
        }
        var mapping = new ShareMapping(use.LocalName, remote, use.Credentials, new SmbServerSettings(use.Port, use.Seal), use.ReadOnly);
        return Respond(await service.UseAsync(mapping, ct));
    }

    /// <summary>Answers once everything is unmounted, so the caller knows its mounts are gone when it hears back.</summary>
    private async Task<ControlResponse> StopAsync()
    {
        await service.DisposeAsync();
        stop.RequestStop();
        return new ControlResponse();
    }

    private static ControlResponse Respond(ServiceResult result) => new()
    {
        Error = result.Status.IsSuccess ? null : new ControlError(result.Status.Name, result.Message),
        OpenFiles = result.Files.Count > 0 ? result.Files : null,
    };
}
