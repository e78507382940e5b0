using DokanRedirector.Cli.Control;

namespace DokanRedirector.Cli.Tests.Control;

public sealed class ControlSocketPathTests
{
    [Test]
    public void Root_uses_run_whatever_the_runtime_directory_says() =>
        Assert.That(ControlSocketPath.Default(0, "/run/user/0"), Is.EqualTo("/run/dokanredirector/control.sock"));

    [Test]
    public void A_user_uses_the_runtime_directory() =>
        Assert.That(ControlSocketPath.Default(1000, "/run/user/1000"), Is.EqualTo("/run/user/1000/dokanredirector/control.sock"));

    [Test]
    public void A_user_without_a_runtime_directory_gets_a_directory_of_their_own_under_tmp() =>
        Assert.That(ControlSocketPath.Default(1000, null), Is.EqualTo(Path.Combine(Path.GetTempPath(), "dokanredirector-1000", "control.sock")));
}
