using DokanRedirector.Rdbss.Naming;
using DokanRedirector.Rdbss.Structures;
using DokanRedirector.Rdbss.Tests.Support;

namespace DokanRedirector.Rdbss.Tests.Core;

public class ConstructionTests
{
    [Test]
    public async Task ConcurrentOpens_WhileShareInTransition_ConstructOnceAndAllSucceed()
    {
        await using var h = new Harness();
        var gate = new TaskCompletionSource<NtStatus>(TaskCreationOptions.RunContinuationsAsynchronously);
        h.Mrx.SrvCallOutcome = _ => gate.Task;

        var opens = Enumerable.Range(0, 64).Select(_ => h.Redirector.CreateAsync(Harness.Unc(@"\\s\sh\a"), Harness.OpenOrCreate).AsTask()).ToArray();
        await Task.Delay(50);
        Assert.That(opens.Any(o => o.IsCompleted), Is.False, "openers wait while the SrvCall is InTransition");
        gate.SetResult(NtStatus.Success);
        var results = await Task.WhenAll(opens);

        Assert.Multiple(() =>
        {
            Assert.That(results.Select(r => r.Status), Is.All.EqualTo(NtStatus.Success));
            Assert.That(h.Mrx.Calls(nameof(IMiniRedirector.CreateSrvCall)), Is.EqualTo(1));
            Assert.That(h.Mrx.Calls(nameof(IMiniRedirector.SrvCallWinnerNotify)), Is.EqualTo(1));
            Assert.That(h.Mrx.Calls(nameof(IMiniRedirector.CreateVNetRoot)), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task ConcurrentOpens_OfAFailingServer_AllSeeTheSameStatus()
    {
        await using var h = new Harness();
        var gate = new TaskCompletionSource<NtStatus>(TaskCreationOptions.RunContinuationsAsynchronously);
        h.Mrx.SrvCallOutcome = _ => gate.Task;

        var opens = Enumerable.Range(0, 32).Select(_ => h.Redirector.CreateAsync(Harness.Unc(@"\\dead\sh\a"), Harness.OpenOrCreate).AsTask()).ToArray();
        gate.SetResult(NtStatus.ConnectionRefused);
        var results = await Task.WhenAll(opens);

        Assert.That(results.Select(r => r.Status), Is.All.EqualTo(NtStatus.ConnectionRefused));
        Assert.That(h.Mrx.Calls(nameof(IMiniRedirector.CreateSrvCall)), Is.EqualTo(1));
        Assert.That(h.Mrx.Calls(nameof(IMiniRedirector.CreateVNetRoot)), Is.EqualTo(0), "no share set-up on a dead server");
    }

    [Test]
    public async Task CancellingTheFirstCaller_DoesNotCancelTheSharedSetUp()
    {
        await using var h = new Harness();
        var gate = new TaskCompletionSource<NtStatus>(TaskCreationOptions.RunContinuationsAsynchronously);
        CancellationToken seenBySetUp = default;
        h.Mrx.SrvCallOutcome = _ => gate.Task;
        h.Mrx.VNetRootOutcome = c =>
        {
            seenBySetUp = c.Lifetime;
            return Task.FromResult((NtStatus.Success, NtStatus.Success));
        };
        using var first = new CancellationTokenSource();

        var firstOpen = h.Redirector.CreateAsync(Harness.Unc(@"\\s\sh\a"), Harness.OpenOrCreate, cancellationToken: first.Token).AsTask();
        var secondOpen = h.Redirector.CreateAsync(Harness.Unc(@"\\s\sh\b"), Harness.OpenOrCreate).AsTask();
        await first.CancelAsync();
        var firstResult = await firstOpen;
        gate.SetResult(NtStatus.Success);
        var secondResult = await secondOpen;

        Assert.Multiple(() =>
        {
            Assert.That(firstResult.Status, Is.EqualTo(NtStatus.Cancelled));
            Assert.That(secondResult.Status, Is.EqualTo(NtStatus.Success));
            Assert.That(seenBySetUp.IsCancellationRequested, Is.False);
            Assert.That(h.Mrx.Calls(nameof(IMiniRedirector.CreateSrvCall)), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task FailedServer_IsNegativelyCached_ForTheConfiguredTime()
    {
        await using var h = new Harness(negativeCache: TimeSpan.FromSeconds(30));
        h.Mrx.SrvCallOutcome = _ => Task.FromResult(NtStatus.HostUnreachable);

        var first = await h.Redirector.CreateAsync(Harness.Unc(@"\\dead\sh\a"), Harness.OpenOrCreate);
        h.Time.Advance(TimeSpan.FromSeconds(29));
        var cached = await h.Redirector.CreateAsync(Harness.Unc(@"\\DEAD\other\b"), Harness.OpenOrCreate);
        Assert.That(h.Mrx.Calls(nameof(IMiniRedirector.CreateSrvCall)), Is.EqualTo(1), "within the window: no new dial");

        h.Time.Advance(TimeSpan.FromSeconds(2));
        h.Mrx.SrvCallOutcome = _ => Task.FromResult(NtStatus.Success);
        var retried = await h.Redirector.CreateAsync(Harness.Unc(@"\\dead\sh\a"), Harness.OpenOrCreate);

        Assert.Multiple(() =>
        {
            Assert.That(first.Status, Is.EqualTo(NtStatus.HostUnreachable));
            Assert.That(cached.Status, Is.EqualTo(NtStatus.HostUnreachable));
            Assert.That(retried.Status, Is.EqualTo(NtStatus.Success));
            Assert.That(h.Mrx.Calls(nameof(IMiniRedirector.CreateSrvCall)), Is.EqualTo(2));
        });
    }

    [Test]
    public async Task UnknownShare_FailsWithTheNetRootStatus_AndTheServerIsReused()
    {
        await using var h = new Harness();
        h.Mrx.VNetRootOutcome = c => Task.FromResult(c.NetRoot.Share == "nope"
            ? (NtStatus.BadNetworkName, NtStatus.BadNetworkName)
            : (NtStatus.Success, NtStatus.Success));

        var bad = await h.Redirector.CreateAsync(Harness.Unc(@"\\s\nope\a"), Harness.OpenOrCreate);
        var good = await h.Redirector.CreateAsync(Harness.Unc(@"\\s\sh\a"), Harness.OpenOrCreate);

        Assert.Multiple(() =>
        {
            Assert.That(bad.Status, Is.EqualTo(NtStatus.BadNetworkName));
            Assert.That(good.Status, Is.EqualTo(NtStatus.Success));
            Assert.That(h.Mrx.Calls(nameof(IMiniRedirector.CreateSrvCall)), Is.EqualTo(1));
            Assert.That(h.Mrx.Finalizations, Does.Contain(@"NetRoot \s\nope"), "the failed share is finalized");
        });
    }

    [Test]
    public async Task SecondViewOfAShare_IsToldTheNetRootAlreadyExists()
    {
        await using var h = new Harness();
        await h.ConnectAsync("X:", @"\\s\sh", "alice");
        await h.ConnectAsync("Y:", @"\\s\sh\sub", "bob");

        var contexts = h.Mrx.CreateContexts;
        Assert.Multiple(() =>
        {
            Assert.That(contexts.Select(c => c.NetRootIsNew), Is.EqualTo(new[] { true, false }));
            Assert.That(contexts[1].NetRoot, Is.SameAs(contexts[0].NetRoot));
            Assert.That(contexts[1].VNetRoot.SubPath, Is.EqualTo("sub"));
            Assert.That(contexts[1].VNetRoot.Credentials!.Identity, Is.EqualTo(@"DOM\bob"));
        });
    }

    [Test]
    public async Task WrongPassword_FailsTheViewButNotTheShare()
    {
        await using var h = new Harness();
        h.Mrx.VNetRootOutcome = c => Task.FromResult(c.VNetRoot.Credentials?.UserName == "mallory"
            ? (NtStatus.Success, NtStatus.LogonFailure)
            : (NtStatus.Success, NtStatus.Success));

        var bad = await h.Redirector.ConnectAsync("X:", UncName.Parse(@"\\s\sh"), new UserCredentials("mallory", null, "x"));
        await h.ConnectAsync("Y:", @"\\s\sh");

        Assert.Multiple(() =>
        {
            Assert.That(bad.Status, Is.EqualTo(NtStatus.LogonFailure));
            Assert.That(h.Redirector.ListConnections().Select(c => c.LocalName), Is.EqualTo(new[] { "Y:" }));
        });
    }

    [Test]
    public async Task UncAccess_ToAConnectedShare_UsesThatConnectionsView()
    {
        await using var h = new Harness();
        await h.ConnectAsync("X:", @"\\s\sh");
        var handle = await h.OpenAsync(Harness.Unc(@"\\S\SH\file"));

        var views = h.Redirector.GetStatus().Single().NetRoots.Single().VNetRoots;
        Assert.That(views, Has.Count.EqualTo(1), "no second view was built");
        Assert.That(views[0].OpenFiles.Select(f => f.Handle), Is.EqualTo(new[] { handle }));
    }

    [Test]
    public async Task ServerOnlyName_CannotBeOpened()
    {
        await using var h = new Harness();
        var result = await h.Redirector.CreateAsync(Harness.Unc(@"\\s"), Harness.OpenOrCreate);
        Assert.That(result.Status, Is.EqualTo(NtStatus.BadNetworkName));
    }

    [Test]
    public async Task ConnectingALocalNameTwice_FailsWithDeviceAlreadyAttached()
    {
        await using var h = new Harness();
        await h.ConnectAsync("X:", @"\\s\sh");
        var second = await h.Redirector.ConnectAsync("x:", UncName.Parse(@"\\s\other"), null);
        Assert.That(second.Status, Is.EqualTo(NtStatus.DeviceAlreadyAttached));
    }

    [Test]
    public async Task DevicePaths_StopDotDotAtTheMountRoot()
    {
        await using var h = new Harness();
        var x = await h.ConnectAsync("X:", @"\\s\sh\sub");
        var path = x.Resolve(@"..\..\a\.\b");
        Assert.Multiple(() =>
        {
            Assert.That(path.Name.ToString(), Is.EqualTo(@"\\s\sh\sub\a\b"));
            Assert.That(path.SharePath, Is.EqualTo(@"sub\a\b"));
        });
        var handle = await h.OpenAsync(path);
        Assert.That(h.Redirector.ListConnections().Single().OpenHandles, Is.EqualTo(1));
        Assert.That(await h.Redirector.CloseAsync(handle), Is.EqualTo(NtStatus.Success));
    }

    [Test]
    public async Task StatusTree_ShowsConditionsAndReferenceCounts()
    {
        await using var h = new Harness();
        await h.ConnectAsync("X:", @"\\s\sh");
        await h.OpenAsync(new NetPath("X:", UncName.Parse(@"\\s\sh\f")));

        var srvCall = h.Redirector.GetStatus().Single();
        var netRoot = srvCall.NetRoots.Single();
        var view = netRoot.VNetRoots.Single();
        Assert.Multiple(() =>
        {
            Assert.That(srvCall.Condition, Is.EqualTo(Condition.Good));
            Assert.That(srvCall.References, Is.EqualTo(2), "table + share");
            Assert.That(netRoot.References, Is.EqualTo(3), "table + view + FCB");
            Assert.That(view.References, Is.EqualTo(3), "table + connection + SrvOpen");
            Assert.That(view.Device, Is.EqualTo("X:"));
            Assert.That(view.OpenFiles.Single().Name, Is.EqualTo(@"\\s\sh\f"));
        });
    }
}
