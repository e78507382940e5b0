namespace DokanRedirector.Cli.Control;

/// <summary>Answers one request from an allowed peer. Never throws for a failed operation: it answers an error.</summary>
internal interface IControlHandler
{
    Task<ControlResponse> HandleAsync(ControlRequest request, ControlPeer peer, CancellationToken cancellationToken);
}
