using DokanRedirector.Fuse.Tests.Support;

namespace DokanRedirector.Fuse.Tests.Mount;

/// <summary>The network root: <c>mount/server/share/…</c> by UNC name, against a real Samba.</summary>
[TestFixture]
[NonParallelizable]
public sealed class NetworkRootTests
{
    private SambaMount _mount = null!;

    [OneTimeSetUp]
    public async Task MountAsync() => _mount = await SambaMount.StartNetworkRootAsync();

    [OneTimeTearDown]
    public async Task UnmountAsync() => await _mount.DisposeAsync();

    [Test]
    public async Task Ls_OfAServer_ListsItsDiskSharesOnly()
    {
        var shares = (await Shell.SucceedAsync($"ls '{_mount.MountPoint}/{SambaServer.Host}'")).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.That(shares, Does.Contain("share").And.Contain("public"));
        Assert.That(shares, Has.None.EndsWith("$"));
    }

    [Test]
    public async Task Cat_ThroughTheNetworkRoot_ReadsTheFileByItsUncName()
    {
        await File.WriteAllTextAsync(_mount.OnServer("by-unc.txt"), "reached by UNC name\n");

        var output = await Shell.SucceedAsync($"cat '{_mount.MountPoint}/{SambaServer.Host}/share/by-unc.txt'");

        Assert.That(output, Is.EqualTo("reached by UNC name\n"));
    }

    [Test]
    public async Task Lookup_OfAFileAnotherClientCreatesInAShare_FindsItWithinTwoSeconds()
    {
        var path = $"{_mount.MountPoint}/{SambaServer.Host}/share/appearing.txt";
        Assert.That(File.Exists(path), Is.False); // the kernel now caches "no such file" for 5 s
        var watched = System.Diagnostics.Stopwatch.StartNew();
        while (_mount.Mount.WatchCount == 0 && watched.Elapsed < TimeSpan.FromSeconds(2))
        {
            await Task.Delay(20);
        }
        Assert.That(_mount.Mount.WatchCount, Is.GreaterThan(0), "the share is watched");
        await Task.Delay(200); // Samba registers a watch just after answering its first request
        var local = Path.Combine(TestContext.CurrentContext.WorkDirectory, "appearing.txt");
        await File.WriteAllTextAsync(local, "new");

        Assert.That((await _mount.Samba.SmbClientAsync("share", $"put {local} appearing.txt")).ExitCode, Is.Zero);
        var seen = System.Diagnostics.Stopwatch.StartNew();
        while (!File.Exists(path) && seen.Elapsed < TimeSpan.FromSeconds(10))
        {
            await Task.Delay(20);
        }

        Assert.That(seen.Elapsed, Is.LessThan(TimeSpan.FromSeconds(2)));
    }

    [Test]
    public async Task Ls_OfTheRoot_ListsTheServersLookedUp()
    {
        await Shell.SucceedAsync($"stat '{_mount.MountPoint}/{SambaServer.Host}'");

        Assert.That(await Shell.SucceedAsync($"ls '{_mount.MountPoint}'"), Does.Contain(SambaServer.Host));
    }

    [Test]
    public async Task Mv_AcrossShares_FailsWithCrossDeviceLink_SoMvCopies()
    {
        await File.WriteAllTextAsync(_mount.OnServer("moving.txt"), "moved");
        var root = $"{_mount.MountPoint}/{SambaServer.Host}";

        await Shell.SucceedAsync($"mv '{root}/share/moving.txt' '{root}/public/moved.txt'");

        Assert.That(await File.ReadAllTextAsync(Path.Combine(_mount.Samba.SharePath("public"), "moved.txt")), Is.EqualTo("moved"));
        Assert.That(File.Exists(_mount.OnServer("moving.txt")), Is.False);
    }

    [Test]
    public async Task Ls_OfAServerThatIsNotThere_FailsFast()
    {
        // 127.0.0.2 is loopback with nothing listening on 445: refused at once.
        var started = DateTime.UtcNow;
        var result = await Shell.RunAsync($"ls '{_mount.MountPoint}/127.0.0.2'");

        Assert.That(result.ExitCode, Is.Not.Zero);
        Assert.That(result.Error, Does.Contain("127.0.0.2").And.Contain("Connection refused"));
        Assert.That(DateTime.UtcNow - started, Is.LessThan(TimeSpan.FromSeconds(10)));
    }
}
