using DokanRedirector.Rdbss.Mrx;
using DokanRedirector.Rdbss.Tests.Support;

namespace DokanRedirector.Rdbss.Tests.Core;

public class PathOperationTests
{
    [Test]
    public async Task Rename_OpensForDelete_SetsTheShareRelativeTarget_AndCloses()
    {
        await using var h = new Harness();
        var x = await h.ConnectAsync("X:", @"\\s\sh\sub");
        await h.Redirector.CloseAsync(await h.OpenAsync(x.Resolve("old.txt")));

        var status = await h.Redirector.RenameAsync(x.Resolve("old.txt"), x.Resolve(@"dir\new.txt"), replaceIfExists: true);

        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo(NtStatus.Success));
            Assert.That(h.Mrx.SetRequests, Is.EqualTo(new SetFileInfoRequest[] { new SetRename(@"sub\dir\new.txt", true) }));
            Assert.That(h.Redirector.HandleCount, Is.EqualTo(0), "the handle used for the rename is closed");
        });
    }

    [Test]
    public async Task Rename_AcrossShares_FailsWithNotSameDevice()
    {
        await using var h = new Harness();
        var status = await h.Redirector.RenameAsync(Harness.Unc(@"\\s\a\f"), Harness.Unc(@"\\s\b\f"), replaceIfExists: false);
        Assert.That(status, Is.EqualTo(NtStatus.NotSameDevice));
    }

    [Test]
    public async Task Delete_SetsTheDeleteDisposition_AndCloses()
    {
        await using var h = new Harness();
        await h.Redirector.CloseAsync(await h.OpenAsync(Harness.Unc(@"\\s\sh\f")));

        var status = await h.Redirector.DeleteAsync(Harness.Unc(@"\\s\sh\f"));

        Assert.That(status, Is.EqualTo(NtStatus.Success));
        Assert.That(h.Mrx.SetRequests, Is.EqualTo(new SetFileInfoRequest[] { new SetDisposition(true) }));
        Assert.That(h.Redirector.HandleCount, Is.EqualTo(0));
    }

    [Test]
    public async Task Delete_OfAMissingFile_FailsWithObjectNameNotFound()
    {
        await using var h = new Harness();
        Assert.That(await h.Redirector.DeleteAsync(Harness.Unc(@"\\s\sh\missing")), Is.EqualTo(NtStatus.ObjectNameNotFound));
    }
}
