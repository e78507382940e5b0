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

    [Test]
    public void A_directory_others_may_write_is_refused_and_left_as_it_was()
    {
        using var dir = new Support.TempDirectory();
        var shared = dir.Subdirectory("shared");
        const UnixFileMode Sticky = (UnixFileMode)0b1_111_111_111; // like /tmp: 1777
        File.SetUnixFileMode(shared, Sticky);
        Assert.Multiple(() =>
        {
            Assert.That(() => ControlSocketPath.PrepareDirectory(Path.Combine(shared, "control.sock")),
                Throws.InstanceOf<UnauthorizedAccessException>().With.Message.Contains("writable by other users"));
            Assert.That(File.GetUnixFileMode(shared), Is.EqualTo(Sticky));
        });
    }

    [Test]
    public void A_missing_directory_is_created_private()
    {
        using var dir = new Support.TempDirectory();
        var socket = Path.Combine(dir.Path, "new", "control.sock");
        ControlSocketPath.PrepareDirectory(socket);
        Assert.That(File.GetUnixFileMode(Path.GetDirectoryName(socket)!),
            Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute));
    }
}
