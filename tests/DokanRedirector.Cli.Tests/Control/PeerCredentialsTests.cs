using DokanRedirector.Cli.Control;

namespace DokanRedirector.Cli.Tests.Control;

public sealed class PeerCredentialsTests
{
    private const uint Owner = 1000;

    [Test]
    public void The_owner_may_control_its_service() =>
        Assert.That(new PeerCredentials(42, Owner, 1000).MayControl(Owner), Is.True);

    [Test]
    public void Root_may_control_anyones_service() =>
        Assert.That(new PeerCredentials(42, 0, 0).MayControl(Owner), Is.True);

    [Test]
    public void Another_user_may_not_even_in_the_owners_group() =>
        Assert.That(new PeerCredentials(42, 1001, 1000).MayControl(Owner), Is.False);
}
