namespace DokanRedirector.EndToEnd.Tests;

/// <summary>
/// A real Samba and a scratch directory, with the program's background service on a socket of the fixture's
/// own (started by the first command). Disposing stops every service it handed out, then Samba.
/// </summary>
internal sealed class ServiceFixture : IAsyncDisposable
{
    private readonly List<DokanRedirectorCli> _services = [];

    private ServiceFixture(SambaServer samba, Scratch scratch)
    {
        Samba = samba;
        Scratch = scratch;
        Cli = NewService(scratch.SocketPath);
    }

    public SambaServer Samba { get; }

    public Scratch Scratch { get; }

    /// <summary>The fixture's own service.</summary>
    public DokanRedirectorCli Cli { get; }

    public static async Task<ServiceFixture> StartAsync(SambaServerOptions? options = null)
    {
        FuseAvailability.Require();
        return new ServiceFixture(await TestSamba.StartAsync(options), new Scratch());
    }

    /// <summary>A service of its own, for a test whose server must not be the shared 127.0.0.1 one.</summary>
    public DokanRedirectorCli NewService() => NewService(Path.Combine(Scratch.NewDirectory("service"), "control.sock"));

    private DokanRedirectorCli NewService(string socketPath)
    {
        var cli = new DokanRedirectorCli(socketPath);
        _services.Add(cli);
        return cli;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var cli in _services)
        {
            await cli.StopAsync();
        }
        Scratch.Dispose();
        await Samba.DisposeAsync();
    }
}
