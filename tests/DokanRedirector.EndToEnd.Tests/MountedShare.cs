namespace DokanRedirector.EndToEnd.Tests;

/// <summary>
/// What most end-to-end fixtures need: a real Samba, a background service on a socket of the fixture's own,
/// and \\127.0.0.1\share mounted through <c>dokanredirector use</c>. Teardown forces the disconnect, stops
/// the service and checks the mount is gone.
/// </summary>
internal sealed class MountedShare : IAsyncDisposable
{
    private MountedShare(SambaServer samba, Scratch scratch, DokanRedirectorCli cli, string mountPoint)
    {
        Samba = samba;
        Scratch = scratch;
        Cli = cli;
        MountPoint = mountPoint;
    }

    public SambaServer Samba { get; }

    public Scratch Scratch { get; }

    public DokanRedirectorCli Cli { get; }

    public string MountPoint { get; }

    /// <summary>The share's directory on the server's disk.</summary>
    public string ServerPath => Samba.SharePath("share");

    public static async Task<MountedShare> StartAsync(SambaServerOptions? options = null)
    {
        FuseAvailability.Require();
        var samba = await TestSamba.StartAsync(options);
        var scratch = new Scratch();
        var cli = new DokanRedirectorCli(scratch.SocketPath);
        var mountPoint = scratch.NewDirectory();
        await cli.SucceedAsync(SambaServer.Password, "use", mountPoint, @"\\127.0.0.1\share", "--port", samba.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--user", SambaServer.User, "--password-stdin");
        return new MountedShare(samba, scratch, cli, mountPoint);
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
        await Cli.StopAsync();
        var stillMounted = Scratch.IsMountPoint(MountPoint);
        Scratch.Dispose();
        await Samba.DisposeAsync();
        Assert.That(stillMounted, Is.False, $"{MountPoint} is still mounted after the service stopped");
    }
}
