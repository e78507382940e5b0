using DokanRedirector.Cli.Control;

namespace DokanRedirector.Cli.Tests.Control;

/// <summary>
/// The Windows pipe's name and ACL as strings: SecurityIdentifier and PipeSecurity throw on Linux, so the SDDL the
/// service hands to PipeSecurity is what is checked here.
/// </summary>
public sealed class ControlPipeTests
{
    private const string User = "S-1-5-21-1004336348-1177238915-682003330-1001";

    [Test]
    public void The_pipe_is_named_after_the_users_sid() =>
        Assert.That(ControlPipe.Name(User), Is.EqualTo("dokanredirector-" + User));

    [Test]
    public void Only_the_user_has_access_and_nothing_is_inherited()
    {
        var sddl = ControlPipe.Sddl(User, User);
        Assert.Multiple(() =>
        {
            Assert.That(sddl, Is.EqualTo($"O:{User}D:P(A;;FA;;;{User})"));
            Assert.That(sddl, Does.Not.Contain("SY").And.Not.Contain("BA").And.Not.Contain("WD"), "no LocalSystem, Administrators or Everyone");
        });
    }

    [Test]
    public void An_elevated_token_owns_the_pipe_as_administrators_but_grants_only_the_user() =>
        Assert.That(ControlPipe.Sddl(User, "S-1-5-32-544"), Is.EqualTo($"O:S-1-5-32-544D:P(A;;FA;;;{User})"));
}
