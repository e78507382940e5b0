using System.Globalization;
using DokanRedirector.Cli.Commands;
using DokanRedirector.Cli.Tests.Support;
using DokanRedirector.LocalSamba;

namespace DokanRedirector.Cli.Tests.Cli;

/// <summary>
/// The whole chain once, as a user meets it: <c>use</c> mounts a real Samba share through FUSE, real tools read
/// it, a disconnect is refused while a process holds a file, and succeeds by force. The full matrix of
/// tools and failures belongs to the EndToEnd project; this proves the composition.
/// </summary>
[NonParallelizable]
public sealed class RealMountTests
{
    private SambaServer _samba = null!;

    [OneTimeSetUp]
    public async Task StartSambaAsync()
    {
        FuseAvailability.Require();
        _samba = await TestSamba.StartAsync(new SambaServerOptions { EnableRpc = true });
        await File.WriteAllTextAsync(Path.Combine(_samba.SharePath("share"), "hello.txt"), "hello through the mount\n");
    }

    [OneTimeTearDown]
    public async Task StopSambaAsync() => await _samba.DisposeAsync();

    private string Port => _samba.Port.ToString(CultureInfo.InvariantCulture);

    [Test]
    public async Task A_mapped_share_is_read_with_cat_and_a_held_file_blocks_delete_until_forced()
    {
        await using var service = await InProcessService.StartAsync(RealParts.Smb | RealParts.Fuse);
        var mountPoint = service.NewMountPoint("x");
        var (used, useTerminal) = await service.RunWithInputAsync(SambaServer.Password + "\n",
            "use", mountPoint, $"//{SambaServer.Host}/share", "--user", SambaServer.User, "--password-stdin", "--port", Port);
        Assert.That(used, Is.EqualTo(ExitCodes.Success), useTerminal.Errors);
        Assert.That(await Shell.SucceedAsync($"cat '{mountPoint}/hello.txt'"), Is.EqualTo("hello through the mount\n"));

        // A shell holds the file open (fd 3) and, after the forced disconnect, tries to read it again.
        var holder = Shell.RunAsync($"exec 3<'{mountPoint}/hello.txt'; echo $$ > '{mountPoint}.pid'; sleep 2; cat <&3");
        await Eventually.HoldsAsync(() => File.Exists($"{mountPoint}.pid"), "the holder to open the file");
        var pid = (await File.ReadAllTextAsync($"{mountPoint}.pid")).Trim();
        var (refused, refusedTerminal) = await service.RunAsync("use", mountPoint, "--delete");
        var (forced, forcedTerminal) = await service.RunAsync("use", mountPoint, "--delete", "--force");
        var held = await holder;

        Assert.Multiple(() =>
        {
            Assert.That(refused, Is.EqualTo(ExitCodes.Failed));
            Assert.That(refusedTerminal.Errors, Does.Contain($"{mountPoint}/hello.txt (process {pid})"));
            Assert.That(forced, Is.EqualTo(ExitCodes.Success), forcedTerminal.Errors);
            Assert.That(held.ExitCode, Is.Not.Zero, "the holder's read after the forced disconnect fails");
            Assert.That(held.Error, Does.Contain("Transport endpoint is not connected").Or.Contain("Input/output error"));
            Assert.That(File.ReadLines("/proc/self/mounts").Any(l => l.Contains(mountPoint, StringComparison.Ordinal)), Is.False);
        });
    }

    [Test]
    public async Task The_network_root_reaches_a_share_with_the_credentials_file_and_no_use()
    {
        using var config = new TempDirectory();
        var credentials = config.File("credentials");
        await File.WriteAllTextAsync(credentials, $"server={SambaServer.Host} port={Port} user={SambaServer.User} password={SambaServer.Password}\n");
        File.SetUnixFileMode(credentials, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        var net = config.Subdirectory("net");
        // Declared after the directory, so disposed before it: the network root is unmounted first.
        await using var service = await InProcessService.StartAsync(RealParts.Smb | RealParts.Fuse, "--net-root", net, "--credentials", credentials);

        var shares = await Shell.SucceedAsync($"ls '{net}/{SambaServer.Host}'");
        var hello = await Shell.SucceedAsync($"cat '{net}/{SambaServer.Host}/share/hello.txt'");

        Assert.Multiple(() =>
        {
            Assert.That(shares.Split('\n'), Does.Contain("share").And.Contain("public"));
            Assert.That(hello, Is.EqualTo("hello through the mount\n"));
        });
    }
}
