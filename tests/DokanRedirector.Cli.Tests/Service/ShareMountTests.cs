using DokanRedirector.Cli.Service;
using DokanRedirector.Rdbss.Naming;

namespace DokanRedirector.Cli.Tests.Service;

public sealed class ShareMountTests
{
    private static readonly UncName Share = UncName.Parse(@"\\server\share");

    [TestCase(@"\\server\share\dir\f.txt", "/mnt/x/dir/f.txt")]
    [TestCase(@"\\SERVER\Share\f.txt", "/mnt/x/f.txt")]
    [TestCase(@"\\server\share", "/mnt/x")]
    public void A_name_below_the_share_is_shown_by_its_local_path(string unc, string local) =>
        Assert.That(ShareMount.LocalPath("/mnt/x", Share, unc), Is.EqualTo(local));

    [TestCase(@"\\server\share\dir\f.txt", @"Z:\dir\f.txt")]
    [TestCase(@"\\server\share", "Z:")]
    public void A_name_below_a_share_mapped_to_a_drive_keeps_its_backslashes(string unc, string local) =>
        Assert.That(ShareMount.LocalPath("Z:", Share, unc), Is.EqualTo(local));

    [Test]
    public void A_share_whose_name_merely_starts_the_same_is_not_below_it() =>
        Assert.That(ShareMount.LocalPath("/mnt/x", Share, @"\\server\share2\f.txt"), Is.Null);
}
