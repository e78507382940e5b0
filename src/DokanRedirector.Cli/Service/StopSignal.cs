namespace DokanRedirector.Cli.Service;

/// <summary>Lets a <c>stop</c> request end the service that answered it.</summary>
internal sealed class StopSignal : IDisposable
{
    private readonly CancellationTokenSource _stopping = new();

    public CancellationToken Stopping => _stopping.Token;

    public void RequestStop() => _stopping.Cancel();

    public void Dispose() => _stopping.Dispose();
}
