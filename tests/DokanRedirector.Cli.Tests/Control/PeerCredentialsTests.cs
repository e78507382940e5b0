using DokanRedirector.Cli.Control;

namespace DokanRedirector.Cli.Tests.Control;

/// <summary>
/// The check both ends make on SO_PEERCRED, with fabricated credentials: these tests run as root, whom every
/// check lets through, so another user's process cannot be staged for real here.
/// </summary>
public sealed class PeerCredentialsTests
{
    private const uint Owner = 1000;

    [Test]
    public void The_same_user_is_trusted() =>
        Assert.That(new PeerCredentials(42, Owner, 1000).IsUserOrRoot(Owner), Is.True);

    [Test]
    public void Root_is_trusted_by_everyone() =>
        Assert.That(new PeerCredentials(42, 0, 0).IsUserOrRoot(Owner), Is.True);

    [Test]
    public void Another_user_is_not_even_in_the_same_group() =>
        Assert.That(new PeerCredentials(42, 1001, 1000).IsUserOrRoot(Owner), Is.False);
}
