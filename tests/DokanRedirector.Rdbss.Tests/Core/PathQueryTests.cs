using DokanRedirector.Rdbss.Mrx;
using DokanRedirector.Rdbss.Tests.Support;

namespace DokanRedirector.Rdbss.Tests.Core;

public sealed class PathQueryTests
{
    [Test]
    public async Task QueryPathInformation_AnswersWithoutOpeningAHandle()
    {
        await using var h = new Harness();
        h.Mrx.AddFile("f", [1, 2, 3]);
        var info = await h.Redirector.QueryPathInformationAsync(Harness.Unc(@"\\s\sh\f"));
        Assert.Multiple(() =>
        {
            Assert.That(info.Status, Is.EqualTo(NtStatus.Success));
            Assert.That(info.Value.EndOfFile, Is.EqualTo(3));
            Assert.That(h.Mrx.Calls(nameof(IMiniRedirector.Create)), Is.Zero);
            Assert.That(h.Redirector.HandleCount, Is.Zero);
        });
    }

    [Test]
    public async Task QueryPathInformation_OfAMissingName_PassesTheStatusThrough()
    {
        await using var h = new Harness();
        var info = await h.Redirector.QueryPathInformationAsync(Harness.Unc(@"\\s\sh\missing"));
        Assert.That(info.Status, Is.EqualTo(NtStatus.ObjectNameNotFound));
    }

    [Test]
    public async Task QueryPathInformation_ReleasesTheViewItResolved()
    {
        await using var h = new Harness();
        await h.Redirector.QueryPathInformationAsync(Harness.Unc(@"\\s\sh"));
        var view = h.Redirector.GetStatus().Single().NetRoots.Single().VNetRoots.Single();
        Assert.That(view.References, Is.EqualTo(1), "only the table's reference is left");
    }

    [Test]
    public async Task EnumerateShares_GoesThroughTheServersIpcShare()
    {
        await using var h = new Harness();
        var shares = await h.Redirector.EnumerateSharesAsync("s");
        Assert.Multiple(() =>
        {
            Assert.That(shares.Status, Is.EqualTo(NtStatus.Success));
            Assert.That(shares.Value!.Select(s => s.Name), Is.EquivalentTo(new[] { "sh", "IPC$" }));
            Assert.That(h.Redirector.GetStatus().Single().NetRoots.Single().Name, Is.EqualTo(@"\s\IPC$"));
        });
    }

    [Test]
    public async Task EnumerateShares_OfAnUnreachableServer_AnswersFromTheNegativeCache()
    {
        await using var h = new Harness();
        h.Mrx.SrvCallOutcome = _ => Task.FromResult(NtStatus.BadNetworkPath);
        Assert.That((await h.Redirector.EnumerateSharesAsync("dead")).Status, Is.EqualTo(NtStatus.BadNetworkPath));
        Assert.That((await h.Redirector.EnumerateSharesAsync("dead")).Status, Is.EqualTo(NtStatus.BadNetworkPath));
        Assert.That(h.Mrx.Calls(nameof(IMiniRedirector.CreateSrvCall)), Is.EqualTo(1));
    }

    [Test]
    public async Task EnumerateShares_RejectsAServerNameThatIsNotOne()
    {
        await using var h = new Harness();
        Assert.That((await h.Redirector.EnumerateSharesAsync(@"a\b")).Status, Is.EqualTo(NtStatus.ObjectNameInvalid));
    }
}
