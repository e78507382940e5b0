using DokanRedirector.Cli.Commands;

namespace DokanRedirector.Cli.Tests.Commands;

public sealed class FusePrerequisitesTests
{
    [Test]
    public void Without_libfuse3_it_says_which_packages_to_install() =>
        Assert.That(FusePrerequisites.Problem(_ => true, _ => false, _ => true),
            Does.Contain("sudo apt-get install fuse3 libfuse3-3"));

    [Test]
    public void Without_dev_fuse_it_says_how_to_get_the_device() =>
        Assert.That(FusePrerequisites.Problem(path => path != "/dev/fuse", _ => true, _ => true),
            Does.Contain("modprobe fuse").And.Contain("--device /dev/fuse"));

    [Test]
    public void With_everything_there_is_no_problem() =>
        Assert.That(FusePrerequisites.Problem(_ => true, _ => true, _ => true), Is.Null);
}
