using System.Diagnostics;
using DokanRedirector.Fuse.Tests.Support;

namespace DokanRedirector.Fuse.Tests.Mount;

/// <summary>
/// Another client's changes on a real Samba reach the kernel's caches of the mount at once (SMB2 CHANGE_NOTIFY with
/// WATCH_TREE on the share), not after the lifetimes: 5 s for "no such file", 10 s for attributes. The other client
/// is smbclient, in a directory below the share's root.
/// </summary>
[TestFixture]
public sealed class CoherenceTests : PerTestDirectoryFixture
{
    // Far below every lifetime, far above a notification's trip (milliseconds).
    private static readonly TimeSpan Soon = TimeSpan.FromSeconds(2);

    private static readonly FuseMountOptions ShortLifetimes = new()
    {
        AttributeTimeout = TimeSpan.FromSeconds(1),
        EntryTimeout = TimeSpan.FromSeconds(1),
        NegativeEntryTimeout = TimeSpan.FromSeconds(1),
    };

    /// <summary>A local file holding <paramref name="content"/>, for smbclient to put.</summary>
    private static string Local(string content)
    {
        var path = Path.Combine(TestContext.CurrentContext.WorkDirectory, $"put-{Guid.NewGuid():N}.txt");
        File.WriteAllText(path, content);
        return path;
    }

    private async Task OtherClientAsync(string command)
    {
        var result = await Share.Samba.SmbClientAsync("share", command);
        Assert.That(result.ExitCode, Is.Zero, $"smbclient {command}: {result}");
    }

    [Test]
    public async Task Lookup_OfANameAnotherClientCreatesAfterAFailedOne_FindsItWithinTwoSeconds()
    {
        Assert.That(File.Exists(Path.Combine(Dir, "late.txt")), Is.False); // the kernel now caches "no such file"
        await WatchedAsync();

        await OtherClientAsync($"put {Local("here")} {TestName}\\late.txt");

        Assert.That(await WithinAsync(() => File.Exists(Path.Combine(Dir, "late.txt"))), Is.LessThan(Soon));
    }

    [Test]
    public async Task Stat_OfAFileAnotherClientRewrites_ShowsTheNewSizeWithinTwoSeconds()
    {
        await File.WriteAllTextAsync(Path.Combine(ServerDir, "log.txt"), "one");
        Assert.That(new FileInfo(Path.Combine(Dir, "log.txt")).Length, Is.EqualTo(3));
        await WatchedAsync();

        await OtherClientAsync($"put {Local("one two three")} {TestName}\\log.txt");

        Assert.That(await WithinAsync(() => new FileInfo(Path.Combine(Dir, "log.txt")).Length == 13), Is.LessThan(Soon));
    }

    [Test]
    public async Task Lookup_OfAFileAnotherClientDeletes_FailsWithinTwoSeconds()
    {
        await File.WriteAllTextAsync(Path.Combine(ServerDir, "doomed.txt"), "x");
        Assert.That(File.Exists(Path.Combine(Dir, "doomed.txt")), Is.True);
        await WatchedAsync();

        await OtherClientAsync($"del {TestName}\\doomed.txt");

        Assert.That(await WithinAsync(() => !File.Exists(Path.Combine(Dir, "doomed.txt"))), Is.LessThan(Soon));
    }

    [Test]
    public async Task MvAndRmR_OfWatchedDirectories_Succeed()
    {
        // A handle below a directory keeps a server from renaming or deleting it: the watch must not be one.
        await Shell.SucceedAsync($"mkdir -p '{Dir}/a/b/c' && echo x > '{Dir}/a/b/c/f' && ls -lR '{Dir}/a' > /dev/null");
        await WatchedAsync();

        await Shell.SucceedAsync($"mv '{Dir}/a' '{Dir}/moved' && rm -r '{Dir}/moved'");

        Assert.That(Directory.EnumerateFileSystemEntries(ServerDir), Is.Empty);
    }

    [Test]
    public async Task Watches_EndOnceTheKernelCachesNothingLeft_AndHoldNoHandle()
    {
        await using var mount = await SambaMount.StartShareAsync(ShortLifetimes);
        Directory.CreateDirectory(mount.OnServer("d"));

        _ = File.Exists(mount.InMount("d/anything"));
        Assert.That(await WithinAsync(() => mount.Mount.WatchCount == 1), Is.LessThan(Soon), "watching the share");

        Assert.That(await WithinAsync(() => mount.Mount.WatchCount == 0), Is.LessThan(TimeSpan.FromSeconds(4)), "the watch ended");
        Assert.That(mount.Redirector.HandleCount, Is.Zero, "its handle is closed");
    }

    [Test]
    public async Task AServerThatRefusesChangeNotify_StillServesTheMount_WithinTheLifetimes()
    {
        await using var mount = await SambaMount.StartShareAsync(ShortLifetimes, new SambaServerOptions { ChangeNotify = false });
        Assert.That(File.Exists(mount.InMount("later.txt")), Is.False);

        await File.WriteAllTextAsync(mount.InMount("mine.txt"), "written through the mount");

        Assert.Multiple(async () =>
        {
            Assert.That(await File.ReadAllTextAsync(mount.InMount("mine.txt")), Is.EqualTo("written through the mount"));
            Assert.That(Directory.GetFiles(mount.MountPoint).Select(Path.GetFileName), Is.EqualTo(new[] { "mine.txt" }));
        });
        Assert.That(await WithinAsync(() => mount.Redirector.HandleCount == 0), Is.LessThan(TimeSpan.FromSeconds(4)),
            "the watch holds no handle past the lifetime");
    }

    // Samba registers a watch with its notify daemon after answering the first CHANGE_NOTIFY, so a change made in
    // that instant can go unseen (the lifetimes still bound it). Tests wait until the watch is surely in place.
    private async Task WatchedAsync()
    {
        Assert.That(await WithinAsync(() => Share.Mount.WatchCount > 0), Is.LessThan(Soon), "a watch started");
        await Task.Delay(200);
    }

    /// <summary>How long until <paramref name="condition"/> held, polled every 20 ms; TimeSpan.MaxValue if not in 10 s.</summary>
    private static async Task<TimeSpan> WithinAsync(Func<bool> condition)
    {
        var time = Stopwatch.StartNew();
        while (time.Elapsed < TimeSpan.FromSeconds(10))
        {
            if (condition())
            {
                return time.Elapsed;
            }
            await Task.Delay(20);
        }
        return TimeSpan.MaxValue;
    }
}
