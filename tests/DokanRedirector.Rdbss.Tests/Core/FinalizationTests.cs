using DokanRedirector.Rdbss.Tests.Support;

namespace DokanRedirector.Rdbss.Tests.Core;

public class FinalizationTests
{
    [Test]
    public async Task IdleStructures_AreFinalizedChildBeforeParent_AfterTheScavengerDelay()
    {
        await using var h = new Harness(scavengerDelay: TimeSpan.FromSeconds(60));
        var handle = await h.OpenAsync(Harness.Unc(@"\\s\sh\a"));
        await h.Redirector.CloseAsync(handle);

        h.Time.Advance(TimeSpan.FromSeconds(59));
        Assert.That(await h.Redirector.ScavengeAsync(), Is.EqualTo(0), "too early");

        h.Time.Advance(TimeSpan.FromSeconds(2));
        await h.Redirector.ScavengeAsync(); // the view, and with it the share
        Assert.That(h.Mrx.Finalizations, Is.EqualTo(new[] { @"VNetRoot \;\s\sh", @"NetRoot \s\sh" }));

        h.Time.Advance(TimeSpan.FromSeconds(61));
        await h.Redirector.ScavengeAsync(); // the server has now been idle long enough
        Assert.That(h.Mrx.Finalizations, Is.EqualTo(new[] { @"VNetRoot \;\s\sh", @"NetRoot \s\sh", @"SrvCall \s" }));
        Assert.That(h.Redirector.GetStatus(), Is.Empty);
    }

    [Test]
    public async Task ReopeningWithinTheScavengerDelay_ReusesTheConnection()
    {
        await using var h = new Harness();
        await h.Redirector.CloseAsync(await h.OpenAsync(Harness.Unc(@"\\s\sh\a")));
        h.Time.Advance(TimeSpan.FromSeconds(30));
        await h.Redirector.ScavengeAsync();
        await h.Redirector.CloseAsync(await h.OpenAsync(Harness.Unc(@"\\s\sh\b")));

        Assert.That(h.Mrx.Calls(nameof(IMiniRedirector.CreateSrvCall)), Is.EqualTo(1));
        Assert.That(h.Mrx.Calls(nameof(IMiniRedirector.CreateVNetRoot)), Is.EqualTo(1));
    }

    [Test]
    public async Task ConnectedView_IsNeverScavenged()
    {
        await using var h = new Harness(scavengerDelay: TimeSpan.Zero);
        await h.ConnectAsync("X:", @"\\s\sh");
        h.Time.Advance(TimeSpan.FromHours(1));
        Assert.That(await h.Redirector.ScavengeAsync(), Is.EqualTo(0));
    }

    [Test]
    public async Task Teardown_FinalizesEverythingOnce_AndEveryCountReachesZero()
    {
        var h = new Harness();
        await h.ConnectAsync("X:", @"\\s\sh");
        await h.OpenAsync(Harness.Unc(@"\\s\sh\a"));
        await h.OpenAsync(Harness.Unc(@"\\t\other\b"));

        await h.DisposeAsync();

        Assert.Multiple(() =>
        {
            Assert.That(h.Mrx.Nodes.Select(n => n.ReferenceCount), Is.All.EqualTo(0));
            Assert.That(h.Mrx.Finalizations, Has.Count.EqualTo(h.Mrx.Nodes.Count), "each node finalized exactly once");
            Assert.That(h.Mrx.OpenOnServer, Is.EqualTo(0), "every SrvOpen closed on the server");
            Assert.That(h.Redirector.HandleCount, Is.EqualTo(0));
        });
    }
}
