namespace DokanRedirector.EndToEnd.Tests;

/// <summary>
/// What most end-to-end fixtures need: a real Samba, a background service on a socket of the fixture's own,
/// and \\127.0.0.1\share mounted through <c>dokanredirector use</c>. Teardown forces the disconnect, stops
/// the service and checks the mount is gone.
/// </summary>
internal sealed class MountedShare : IAsyncDisposable
{
    private readonly ServiceFixture _fixture;

    private MountedShare(ServiceFixture fixture, string mountPoint)
    {
        _fixture = fixture;
        MountPoint = mountPoint;
    }

    public SambaServer Samba => _fixture.Samba;

    public Scratch Scratch => _fixture.Scratch;

    public DokanRedirectorCli Cli => _fixture.Cli;

    public string MountPoint { get; }

    /// <summary>The share's directory on the server's disk.</summary>
    public string ServerPath => Samba.SharePath("share");

    public static async Task<MountedShare> StartAsync(SambaServerOptions? options = null)
    {
        var fixture = await ServiceFixture.StartAsync(options);
        var mountPoint = fixture.Scratch.NewDirectory();
        var used = await fixture.Cli.UseAsync(mountPoint, @"\\127.0.0.1\share", fixture.Samba.Port);
        Assert.That(used.ExitCode, Is.Zero, used.ToString());
        return new MountedShare(fixture, mountPoint);
    }

    /// <summary>Runs smbclient against the share: the server-side view every result is checked against.</summary>
    public async Task<string> SmbClientAsync(string command)
    {
        var result = await Samba.SmbClientAsync("share", command);
        Assert.That(result.ExitCode, Is.Zero, $"smbclient -c '{command}': {result.Output}");
        return result.Output;
    }

    public async ValueTask DisposeAsync()
    {
        await Cli.RunAsync(null, "use", MountPoint, "--delete", "--force");
        await _fixture.DisposeAsync(); // stops the service; a mount left behind keeps its directory
        Assert.That(Scratch.IsMountPoint(MountPoint), Is.False, $"{MountPoint} is still mounted after the service stopped");
    }
}
