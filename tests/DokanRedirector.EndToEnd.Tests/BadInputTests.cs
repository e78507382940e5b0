using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace DokanRedirector.EndToEnd.Tests;

/// <summary>Every mistake gets a clear message and a non-zero exit code, and nothing hangs.</summary>
public sealed class BadInputTests
{
    private ServiceFixture _fixture = null!;

    [OneTimeSetUp]
    public async Task Start() => _fixture = await ServiceFixture.StartAsync();

    [OneTimeTearDown]
    public async Task Stop() => await _fixture.DisposeAsync();


    private static void AssertFails(ShellResult result, string expected)
    {
        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.Not.Zero, result.ToString());
            Assert.That(result.Output + result.Error, Does.Contain(expected).IgnoreCase, result.ToString());
        });
    }

    [Test]
    public async Task MalformedUncName_IsAUsageError()
    {
        var result = await _fixture.Cli.UseAsync(_fixture.Scratch.NewDirectory(), @"\\127.0.0.1\sha|re", _fixture.Samba.Port);
        AssertFails(result, "sha|re");
        Assert.That(result.ExitCode, Is.EqualTo(1));
    }

    [Test]
    public async Task WrongPassword_SaysSo()
    {
        var result = await _fixture.Cli.UseAsync(_fixture.Scratch.NewDirectory(), @"\\127.0.0.1\share", _fixture.Samba.Port, password: "wrong");
        AssertFails(result, "password is incorrect");
        Assert.That(result.ExitCode, Is.EqualTo(2));
    }

    [Test]
    public async Task UnknownShare_SaysTheShareWasNotFound()
    {
        AssertFails(await _fixture.Cli.UseAsync(_fixture.Scratch.NewDirectory(), @"\\127.0.0.1\nosuchshare", _fixture.Samba.Port), "share was not found");
    }

    [Test]
    public async Task ServerNotListening_SaysTheConnectionWasRefused()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        // Its own service: a refused server is cached as unreachable for a while (the negative cache).
        AssertFails(await _fixture.NewService().UseAsync(_fixture.Scratch.NewDirectory(), @"\\127.0.0.1\share", port), "refused");
    }

    [Test]
    public async Task MountPointThatDoesNotExist_SaysSo()
    {
        var missing = Path.Combine(_fixture.Scratch.Root, "missing");
        AssertFails(await _fixture.Cli.UseAsync(missing, @"\\127.0.0.1\share", _fixture.Samba.Port), missing);
    }

    [Test]
    public async Task MountPointThatIsAFile_SaysItIsNotADirectory()
    {
        var file = Path.Combine(_fixture.Scratch.Root, "a-file");
        File.WriteAllText(file, "");
        AssertFails(await _fixture.Cli.UseAsync(file, @"\\127.0.0.1\share", _fixture.Samba.Port), "not a directory");
    }

    [Test]
    public async Task SecondUse_OnABusyMountPoint_IsRefused()
    {
        var mountPoint = _fixture.Scratch.NewDirectory();
        Assert.That((await _fixture.Cli.UseAsync(mountPoint, @"\\127.0.0.1\share", _fixture.Samba.Port)).ExitCode, Is.Zero);
        var again = await _fixture.Cli.UseAsync(mountPoint, @"\\127.0.0.1\public", _fixture.Samba.Port);
        await _fixture.Cli.RunAsync(null, "use", mountPoint, "--delete");
        AssertFails(again, "in use");
    }

    [Test]
    public async Task ServerKilledWhileMounted_LsFailsPromptly_InsteadOfHanging()
    {
        await using var doomed = await TestSamba.StartAsync();
        var mountPoint = _fixture.Scratch.NewDirectory();
        // Its own service, so the 127.0.0.1 connection of the other tests is not the one that dies.
        var cli = _fixture.NewService();
        Assert.That((await cli.UseAsync(mountPoint, @"\\127.0.0.1\share", doomed.Port)).ExitCode, Is.Zero);
        await doomed.DisposeAsync();
        var watch = Stopwatch.StartNew();
        var ls = await Shell.RunAsync($"ls -l {mountPoint}/");
        watch.Stop();
        await cli.RunAsync(null, "use", mountPoint, "--delete", "--force");
        Assert.Multiple(() =>
        {
            Assert.That(ls.ExitCode, Is.Not.Zero, ls.ToString());
            Assert.That(watch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(20)), "ls came back");
            Assert.That(Scratch.IsMountPoint(mountPoint), Is.False);
        });
    }

    [Test]
    public async Task MountPointTheUserCannotWrite_IsRefusedForThatUser()
    {
        // fusermount3 lets a user mount only where they may write. Run the CLI (and so its service) as nobody,
        // from a copy of the program nobody can read.
        var program = Directory.CreateTempSubdirectory("dokanredirector-nobody-").FullName;
        try
        {
            await Shell.SucceedAsync($"cp -r {Path.Combine(AppContext.BaseDirectory, ".")} {program}/ && chmod -R a+rX {program} && chmod 755 {program}");
            var rootOnly = _fixture.Scratch.NewDirectory("rootonly");
            File.SetUnixFileMode(rootOnly, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
                | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
            File.SetUnixFileMode(_fixture.Scratch.Root, (UnixFileMode)Convert.ToInt32("755", 8));
            var socketDirectory = Directory.CreateDirectory(Path.Combine(program, "run")).FullName;
            await Shell.SucceedAsync($"chown nobody {socketDirectory} && chmod 700 {socketDirectory}");
            var socket = Path.Combine(socketDirectory, "control.sock");
            var cli = $"runuser -u nobody -- env HOME=/tmp DOTNET_CLI_HOME=/tmp dotnet {program}/dokanredirector.dll --socket {socket}";
            var result = await Shell.RunAsync(
                $"echo '{SambaServer.Password}' | {cli} use {rootOnly} '\\\\127.0.0.1\\share' --port {_fixture.Samba.Port.ToString(CultureInfo.InvariantCulture)} --user {SambaServer.User} --password-stdin");
            await Shell.RunAsync($"{cli} stop");
            AssertFails(result, rootOnly);
            Assert.That(result.Output + result.Error, Does.Contain("permission").IgnoreCase.Or.Contain("write access").IgnoreCase);
        }
        finally
        {
            Directory.Delete(program, recursive: true);
        }
    }
}
