using DokanRedirector.Rdbss.Mrx;
using DokanRedirector.Rdbss.Tests.Support;

namespace DokanRedirector.Rdbss.Tests.Core;

public class DisconnectTests
{
    [Test]
    public async Task NormalDisconnect_WithAnOpenHandle_FailsWithFilesOpenAndNamesIt()
    {
        await using var h = new Harness();
        var x = await h.ConnectAsync("X:", @"\\s\sh");
        var handle = (await h.Redirector.CreateAsync(x.Resolve("report.txt"), Harness.OpenOrCreate, processId: 4242)).Value.Handle;

        var refused = await h.Redirector.DisconnectAsync("X:", force: false);

        Assert.Multiple(() =>
        {
            Assert.That(refused.Status, Is.EqualTo(NtStatus.FilesOpen));
            Assert.That(refused.Value, Is.EqualTo(new[] { new OpenFileInfo(handle, @"\\s\sh\report.txt", 4242) }));
            Assert.That(h.Redirector.ListConnections(), Has.Count.EqualTo(1), "still connected");
        });

        await h.Redirector.CloseAsync(handle);
        var done = await h.Redirector.DisconnectAsync("X:", force: false);
        Assert.Multiple(() =>
        {
            Assert.That(done.Status, Is.EqualTo(NtStatus.Success));
            Assert.That(h.Redirector.ListConnections(), Is.Empty);
            Assert.That(h.Mrx.Finalizations, Does.Contain(@"VNetRoot \;X:\s\sh"));
        });
    }

    [Test]
    public async Task ForcedDisconnect_ClosesEveryOpenHandleOnTheShare()
    {
        await using var h = new Harness();
        var x = await h.ConnectAsync("X:", @"\\s\sh");
        var handles = new List<long>();
        for (var i = 0; i < 5; i++)
        {
            handles.Add(await h.OpenAsync(x.Resolve($"f{i}")));
        }
        var unc = await h.OpenAsync(Harness.Unc(@"\\s\sh\via-unc"));

        var result = await h.Redirector.DisconnectAsync("X:", force: true);

        Assert.Multiple(() =>
        {
            Assert.That(result.Status, Is.EqualTo(NtStatus.Success));
            Assert.That(result.Value, Has.Count.EqualTo(6), "the closed handles are reported");
            Assert.That(h.Mrx.Calls(nameof(IMiniRedirector.CloseSrvOpen)), Is.EqualTo(6));
            Assert.That(h.Mrx.OpenOnServer, Is.EqualTo(0));
            Assert.That(h.Mrx.Finalizations, Does.Contain(@"VNetRoot \;X:\s\sh force"));
            Assert.That(h.Redirector.ListConnections(), Is.Empty);
        });
        var buffer = new byte[16];
        foreach (var handle in handles.Append(unc))
        {
            Assert.That((await h.Redirector.ReadAsync(handle, 0, buffer)).Status, Is.EqualTo(NtStatus.ConnectionDisconnected));
            Assert.That(await h.Redirector.FlushAsync(handle), Is.EqualTo(NtStatus.ConnectionDisconnected));
        }
        foreach (var handle in handles.Append(unc))
        {
            Assert.That(await h.Redirector.CloseAsync(handle), Is.EqualTo(NtStatus.Success), "closing an orphaned handle succeeds");
        }
        Assert.That(h.Redirector.HandleCount, Is.EqualTo(0));
    }

    [Test]
    public async Task ForcedDisconnect_EndsAnOperationInFlightAtOnce()
    {
        await using var h = new Harness();
        var x = await h.ConnectAsync("X:", @"\\s\sh");
        var handle = await h.OpenAsync(x.Resolve("slow"));
        var reading = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        h.Mrx.BeforeRead = async ct =>
        {
            reading.SetResult();
            await Task.Delay(Timeout.Infinite, ct);
        };

        var read = h.Redirector.ReadAsync(handle, 0, new byte[10]).AsTask();
        await reading.Task;
        var disconnect = h.Redirector.DisconnectAsync("X:", force: true).AsTask();

        var finished = await Task.WhenAny(Task.WhenAll(read, disconnect), Task.Delay(TimeSpan.FromSeconds(5)));
        Assert.That(finished, Is.Not.InstanceOf<Task<Task>>().And.Matches<Task>(t => read.IsCompleted && disconnect.IsCompleted),
            "neither the read nor the disconnect hangs");
        Assert.That((await read).Status, Is.EqualTo(NtStatus.ConnectionDisconnected));
        Assert.That(h.Mrx.OpenOnServer, Is.EqualTo(0));
    }

    [Test]
    public async Task ForcedDisconnect_OfOneDrive_LetsAnotherDriveOnTheShareReconnect()
    {
        await using var h = new Harness();
        var x = await h.ConnectAsync("X:", @"\\s\sh");
        var y = await h.ConnectAsync("Y:", @"\\s\sh");
        var onY = await h.OpenAsync(y.Resolve("a"));

        await h.Redirector.DisconnectAsync("X:", force: true);

        Assert.That((await h.Redirector.ReadAsync(onY, 0, new byte[1])).Status, Is.EqualTo(NtStatus.ConnectionDisconnected),
            "RxForceFinalizeAllVNetRoots finalizes every view of the share");
        var reopened = await h.OpenAsync(y.Resolve("a"));
        Assert.Multiple(() =>
        {
            Assert.That(h.Redirector.ListConnections().Single().LocalName, Is.EqualTo("Y:"));
            Assert.That(h.Redirector.ListConnections().Single().OpenHandles, Is.EqualTo(1));
            Assert.That(h.Mrx.Calls(nameof(IMiniRedirector.CreateVNetRoot)), Is.EqualTo(3), "Y: got a new view");
        });
        await h.Redirector.CloseAsync(reopened);
        await h.Redirector.CloseAsync(onY);
        Assert.That(x.LocalName, Is.EqualTo("X:"));
    }

    [Test]
    public async Task DisconnectByRemoteName_RemovesItsConnections()
    {
        await using var h = new Harness();
        await h.ConnectAsync("X:", @"\\s\sh");
        var result = await h.Redirector.DisconnectAsync(@"\\S\SH", force: false);
        Assert.That(result.Status, Is.EqualTo(NtStatus.Success));
        Assert.That(h.Redirector.ListConnections(), Is.Empty);
    }

    [Test]
    public async Task DisconnectingAnUnknownName_FailsWithNotFound()
    {
        await using var h = new Harness();
        Assert.That((await h.Redirector.DisconnectAsync("Q:", force: true)).Status, Is.EqualTo(NtStatus.NotFound));
    }

    [Test]
    public async Task ListConnections_ShowsLocalRemoteConditionUserAndOpenHandles()
    {
        await using var h = new Harness();
        var x = await h.ConnectAsync("X:", @"\\s\sh\sub", "alice");
        await h.OpenAsync(x.Resolve("f"));
        Assert.That(h.Redirector.ListConnections(), Is.EqualTo(new[]
        {
            new ConnectionInfo("X:", @"\\s\sh\sub", Structures.Condition.Good, @"DOM\alice", 1),
        }));
    }
}
