using DokanRedirector.Cli.Service;

namespace DokanRedirector.Cli.Tests.Service;

/// <summary>The drive-letter rules of <c>use</c> on Windows, with the letters in use given, so they run here.</summary>
public sealed class LocalNameTests
{
    private static readonly Func<string, bool> OnlyCInUse = drive => drive == "C:";

    [TestCase("Z", "Z:")]
    [TestCase("z", "Z:")]
    [TestCase("Z:", "Z:")]
    [TestCase("q:", "Q:")]
    public void A_free_letter_is_taken_with_or_without_its_colon(string typed, string drive)
    {
        Assert.Multiple(() =>
        {
            Assert.That(LocalName.FreeDrive(typed, OnlyCInUse, out var problem), Is.EqualTo(drive));
            Assert.That(problem, Is.Empty);
        });
    }

    [TestCase("/mnt/x")]
    [TestCase(@"Z:\")]
    [TestCase(@"Z:\dir")]
    [TestCase("ZZ")]
    [TestCase("1:")]
    [TestCase("")]
    public void Anything_but_a_letter_is_refused_with_an_example(string typed)
    {
        Assert.Multiple(() =>
        {
            Assert.That(LocalName.FreeDrive(typed, OnlyCInUse, out var problem), Is.Null);
            Assert.That(problem, Does.Contain($"'{typed}' is not a drive letter").And.Contain(@"dokanredirector use Z: \\server\share"));
        });
    }

    [TestCase("C")]
    [TestCase("c:")]
    public void A_letter_in_use_is_refused_by_name(string typed)
    {
        Assert.Multiple(() =>
        {
            Assert.That(LocalName.FreeDrive(typed, OnlyCInUse, out var problem), Is.Null);
            Assert.That(problem, Is.EqualTo("C: is already in use (a disk, or another network drive); choose a free letter."));
        });
    }

    [Test]
    public void On_linux_the_local_name_is_the_full_mount_point_and_never_a_problem()
    {
        Assert.Multiple(() =>
        {
            Assert.That(LocalName.ForUse("/mnt/x/", out var problem), Is.EqualTo("/mnt/x"));
            Assert.That(problem, Is.Empty);
            Assert.That(LocalName.ForDelete("/mnt/x/"), Is.EqualTo("/mnt/x"));
            Assert.That(LocalName.ForDelete("//server/share"), Is.EqualTo("//server/share"));
            Assert.That(LocalName.IsValid("relative/dir"), Is.False);
        });
    }
}
