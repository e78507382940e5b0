using System.Globalization;

namespace DokanRedirector.EndToEnd.Tests;

/// <summary><c>use --delete</c> with and without <c>--force</c> while another process holds a file open.</summary>
public sealed class DisconnectTests
{
    private const string ReadOnce = "dd bs=4k count=1 status=none of=/dev/null <&3";
    private const string WriteOnce = "printf 'line\\n' >&3";

    private ServiceFixture _fixture = null!;

    [OneTimeSetUp]
    public async Task Start() => _fixture = await ServiceFixture.StartAsync();

    [OneTimeTearDown]
    public async Task Stop() => await _fixture.DisposeAsync();


    private async Task<string> MountAsync()
    {
        var mountPoint = _fixture.Scratch.NewDirectory();
        var used = await _fixture.Cli.UseAsync(mountPoint, @"\\127.0.0.1\share", _fixture.Samba.Port);
        Assert.That(used.ExitCode, Is.Zero, used.ToString());
        return mountPoint;
    }

    private string OnServer(string name, string content)
    {
        File.WriteAllText(Path.Combine(_fixture.Samba.SharePath("share"), name), content);
        return name;
    }

    [Test]
    public async Task Delete_WithAFileOpen_IsRefused_NamingTheFileAndProcess_AndGoesThroughOnceItIsClosed()
    {
        var mountPoint = await MountAsync();
        var name = OnServer($"held{Guid.NewGuid():N}", "held");
        ShellResult refused;
        await using (var holder = await Holder.OpenAsync(Path.Combine(mountPoint, name), "<", ReadOnce))
        {
            refused = await _fixture.Cli.RunAsync(null, "use", mountPoint, "--delete");
            Assert.Multiple(() =>
            {
                Assert.That(refused.ExitCode, Is.Not.Zero, refused.ToString());
                Assert.That(refused.Output + refused.Error, Does.Contain(name));
                Assert.That(refused.Output + refused.Error, Does.Contain(holder.ProcessId.ToString(CultureInfo.InvariantCulture)));
                Assert.That(Scratch.IsMountPoint(mountPoint), Is.True, "still mounted");
            });
        }
        // The kernel sends RELEASE after the holder exits; give it a moment.
        ShellResult deleted = refused;
        for (var attempt = 0; attempt < 20 && deleted.ExitCode != 0; attempt++)
        {
            await Task.Delay(100);
            deleted = await _fixture.Cli.RunAsync(null, "use", mountPoint, "--delete");
        }
        Assert.That(deleted.ExitCode, Is.Zero, deleted.ToString());
        Assert.That(Scratch.IsMountPoint(mountPoint), Is.False);
    }

    [Test]
    public async Task ForcedDelete_WhileAProcessReads_FailsItsNextReadWithin1s_AndRemovesTheMount()
    {
        var mountPoint = await MountAsync();
        var name = OnServer($"reading{Guid.NewGuid():N}", new string('r', 100_000));
        await using var holder = await Holder.OpenAsync(Path.Combine(mountPoint, name), "<", ReadOnce);
        var forced = await _fixture.Cli.RunAsync(null, "use", mountPoint, "--delete", "--force");
        var (outcome, took) = await holder.SyscallAsync(TimeSpan.FromSeconds(5));
        Assert.Multiple(() =>
        {
            Assert.That(forced.ExitCode, Is.Zero, forced.ToString());
            Assert.That(forced.Output, Does.Contain(name), "names the file it closed");
            Assert.That(outcome, Does.Match("failed: .*(Input/output error|Transport endpoint is not connected)"));
            Assert.That(took, Is.LessThan(TimeSpan.FromSeconds(1)));
            Assert.That(Scratch.IsMountPoint(mountPoint), Is.False, "the mount is gone");
        });
    }

    [Test]
    public async Task ForcedDelete_WhileAProcessWrites_KeepsWhatWasWritten_AndFailsTheNextWriteWithin1s()
    {
        var mountPoint = await MountAsync();
        var name = OnServer($"writing{Guid.NewGuid():N}", "");
        await using var holder = await Holder.OpenAsync(Path.Combine(mountPoint, name), "<>", WriteOnce);
        Assert.That((await holder.SyscallAsync(TimeSpan.FromSeconds(5))).Outcome, Is.EqualTo("ok"), "the write before");
        var forced = await _fixture.Cli.RunAsync(null, "use", mountPoint, "--delete", "--force");
        var (outcome, took) = await holder.SyscallAsync(TimeSpan.FromSeconds(5));
        Assert.Multiple(() =>
        {
            Assert.That(forced.ExitCode, Is.Zero, forced.ToString());
            Assert.That(outcome, Does.Match("failed: .*(Input/output error|Transport endpoint is not connected)"));
            Assert.That(took, Is.LessThan(TimeSpan.FromSeconds(1)));
            Assert.That(File.ReadAllText(Path.Combine(_fixture.Samba.SharePath("share"), name)), Is.EqualTo("line\n"), "the acknowledged write is on the server");
            Assert.That(Scratch.IsMountPoint(mountPoint), Is.False, "the mount is gone");
        });
    }

    [Test]
    public async Task TwoMounts_OfOneServer_ShareOneTcpConnection_AndBothAreListed()
    {
        var first = await MountAsync();
        var second = _fixture.Scratch.NewDirectory();
        var used = await _fixture.Cli.UseAsync(second, @"\\127.0.0.1\public", _fixture.Samba.Port);
        Assert.That(used.ExitCode, Is.Zero, used.ToString());
        var table = await _fixture.Cli.SucceedAsync(null, "use");
        var status = await _fixture.Cli.SucceedAsync(null, "status");
        var connections = await _fixture.Samba.ServingPidsAsync();
        await _fixture.Cli.RunAsync(null, "use", first, "--delete");
        await _fixture.Cli.RunAsync(null, "use", second, "--delete");
        Assert.Multiple(() =>
        {
            Assert.That(connections, Has.Count.EqualTo(1), "smbstatus: one smbd, one TCP connection");
            Assert.That(table, Does.Contain(first).And.Contain(second));
            Assert.That(table, Does.Contain(@"\\127.0.0.1\share").And.Contain(@"\\127.0.0.1\public"));
            Assert.That(status.Split('\n').Count(l => l.Contains(@"\127.0.0.1", StringComparison.Ordinal) && !l.Contains(@"\127.0.0.1\", StringComparison.Ordinal)),
                Is.EqualTo(1), $"one SrvCall in:\n{status}");
        });
    }
}
