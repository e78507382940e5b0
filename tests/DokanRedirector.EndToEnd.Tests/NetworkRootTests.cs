using System.Diagnostics;
using System.Globalization;

namespace DokanRedirector.EndToEnd.Tests;

/// <summary><c>serve --net-root DIR</c>: DIR/&lt;server&gt;/&lt;share&gt;/… like the Windows MUP, with no prior <c>use</c>.</summary>
public sealed class NetworkRootTests
{
    private SambaServer _samba = null!;
    private Scratch _scratch = null!;
    private DokanRedirectorCli _cli = null!;
    private Process _service = null!;
    private string _net = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        FuseAvailability.Require();
        _samba = await TestSamba.StartAsync(new SambaServerOptions { EnableRpc = true });
        _scratch = new Scratch();
        _cli = new DokanRedirectorCli(_scratch.SocketPath);
        _net = _scratch.NewDirectory("net");
        var credentials = Path.Combine(_scratch.Root, "credentials");
        // 127.0.0.2 is loopback too, but nothing listens on it: the unknown server of the negative-cache test.
        File.WriteAllText(credentials,
            $"server=127.0.0.1 port={_samba.Port.ToString(CultureInfo.InvariantCulture)} user={SambaServer.User} password={SambaServer.Password}\n"
            + $"server=127.0.0.2 port={_samba.Port.ToString(CultureInfo.InvariantCulture)} user=nobody password=x\n");
        File.SetUnixFileMode(credentials, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { DokanRedirectorCli.Program, "--socket", _scratch.SocketPath, "serve", "--net-root", _net, "--credentials", credentials })
        {
            start.ArgumentList.Add(arg);
        }
        _service = Process.Start(start)!;
        _ = _service.StandardOutput.ReadToEndAsync();
        _ = _service.StandardError.ReadToEndAsync();
        for (var waited = 0; !Scratch.IsMountPoint(_net); waited += 100)
        {
            Assert.That(_service.HasExited, Is.False, "the service exited");
            Assert.That(waited, Is.LessThan(15_000), $"{_net} was not mounted within 15 s");
            await Task.Delay(100);
        }
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        await _cli.StopAsync();
        await _service.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
        var stillMounted = Scratch.IsMountPoint(_net);
        _scratch.Dispose();
        await _samba.DisposeAsync();
        Assert.That(stillMounted, Is.False, "the network root outlived the service");
    }

    [Test]
    public async Task LsOfAServer_ListsItsDiskShares()
    {
        var listing = await Shell.SucceedAsync($"ls {_net}/127.0.0.1");
        Assert.That(listing.Split('\n', StringSplitOptions.RemoveEmptyEntries), Is.SupersetOf(new[] { "share", "public", "readonly" }));
        Assert.That(listing, Does.Not.Contain("IPC$"));
    }

    [Test]
    public async Task CatOfAFileByUncPath_WorksWithoutAPriorUse()
    {
        var name = $"net{Guid.NewGuid():N}";
        File.WriteAllText(Path.Combine(_samba.SharePath("share"), name), "through the network root\n");
        Assert.That(await Shell.SucceedAsync($"cat {_net}/127.0.0.1/share/{name}"), Is.EqualTo("through the network root\n"));
    }

    [Test]
    public async Task AServerNobodyAnswers_FailsQuickly_AndAgainFromTheNegativeCache()
    {
        var first = Stopwatch.StartNew();
        var ls = await Shell.RunAsync($"ls {_net}/127.0.0.2");
        first.Stop();
        var second = Stopwatch.StartNew();
        var again = await Shell.RunAsync($"ls {_net}/127.0.0.2");
        second.Stop();
        Assert.Multiple(() =>
        {
            Assert.That(ls.ExitCode, Is.Not.Zero, ls.ToString());
            Assert.That(again.ExitCode, Is.Not.Zero, again.ToString());
            Assert.That(second.Elapsed, Is.LessThan(TimeSpan.FromSeconds(1)), "answered from the negative cache");
        });
    }
}
