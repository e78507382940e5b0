using DokanRedirector.Rdbss.Mrx;
using DokanRedirector.Rdbss.Tests.Support;

namespace DokanRedirector.Rdbss.Tests.Core;

/// <summary>A front end's directory watches (OpenWatchAsync): its own handles, not a program's.</summary>
public class WatchTests
{
    private const NtNotifyFilter Names = NtNotifyFilter.FileName | NtNotifyFilter.DirName;

    [Test]
    public async Task NotifyChangeDirectory_AnswersTheMiniRedirectorsChanges()
    {
        await using var h = new Harness();
        var x = await h.ConnectAsync("X:", @"\\s\sh");
        h.Mrx.Notify = _ => Task.FromResult<IReadOnlyList<DirectoryChange>>([new(NtNotifyAction.Added, "new.txt")]);
        var watch = (await h.Redirector.OpenWatchAsync(x.Resolve(""))).Value.Handle;

        var changes = await h.Redirector.NotifyChangeDirectoryAsync(watch, Names);

        Assert.That(changes.Value, Is.EqualTo(new[] { new DirectoryChange(NtNotifyAction.Added, "new.txt") }));
        await h.Redirector.CloseAsync(watch);
    }

    [Test]
    public async Task Watch_IsNotAnOpenFile_ButAProgramsHandleStillRefusesANormalDisconnect()
    {
        await using var h = new Harness();
        var x = await h.ConnectAsync("X:", @"\\s\sh");
        var watch = (await h.Redirector.OpenWatchAsync(x.Resolve(""))).Value.Handle;
        var file = (await h.Redirector.CreateAsync(x.Resolve("report.txt"), Harness.OpenOrCreate, processId: 7)).Value.Handle;

        var refused = await h.Redirector.DisconnectAsync("X:", force: false);

        Assert.Multiple(() =>
        {
            Assert.That(refused.Status, Is.EqualTo(NtStatus.FilesOpen));
            Assert.That(refused.Value, Is.EqualTo(new[] { new OpenFileInfo(file, @"\\s\sh\report.txt", 7) }));
            Assert.That(h.Redirector.ListConnections().Single().OpenHandles, Is.EqualTo(1));
            Assert.That(h.Redirector.GetStatus().Single().NetRoots.Single().VNetRoots.Single().OpenFiles, Has.Count.EqualTo(1));
            Assert.That(h.Redirector.GetStatus().Single().NetRoots.Single().VNetRoots.Single().Watches, Is.EqualTo(1));
        });
        await h.Redirector.CloseAsync(file);
        await h.Redirector.CloseAsync(watch);
    }

    [Test]
    public async Task NormalDisconnect_WithOnlyAWatchOpen_SucceedsAndEndsTheWaitingWatch()
    {
        await using var h = new Harness();
        var x = await h.ConnectAsync("X:", @"\\s\sh");
        var watch = (await h.Redirector.OpenWatchAsync(x.Resolve(""))).Value.Handle;
        var waiting = h.Redirector.NotifyChangeDirectoryAsync(watch, Names).AsTask();

        var disconnected = await h.Redirector.DisconnectAsync("X:", force: false);

        Assert.Multiple(async () =>
        {
            Assert.That(disconnected.Status, Is.EqualTo(NtStatus.Success));
            Assert.That(disconnected.Value, Is.Empty, "a watch is no program's open file");
            Assert.That(await waiting.WaitAsync(TimeSpan.FromSeconds(5)), Has.Property("Status").EqualTo(NtStatus.ConnectionDisconnected));
            Assert.That(h.Mrx.OpenOnServer, Is.EqualTo(0), "the watch is closed on the server");
            Assert.That(h.Redirector.ListConnections(), Is.Empty);
        });
        Assert.That(await h.Redirector.CloseAsync(watch), Is.EqualTo(NtStatus.Success));
        Assert.That(h.Redirector.HandleCount, Is.EqualTo(0));
    }
}
