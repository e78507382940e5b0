using DokanRedirector.Smb.Auth;

namespace DokanRedirector.Smb.Tests.Auth;

public class SmbCredentialTests
{
    [Test]
    public void Parse_DomainBackslashUser_SplitsDomainAndUser()
    {
        SmbCredential c = SmbCredential.Parse("CORP\\alice", "secret");
        Assert.Multiple(() =>
        {
            Assert.That(c.Domain, Is.EqualTo("CORP"));
            Assert.That(c.User, Is.EqualTo("alice"));
            Assert.That(c.IsUserPrincipalName, Is.False);
            Assert.That(c.NtlmUser, Is.EqualTo("alice"));
            Assert.That(c.NtlmDomain, Is.EqualTo("CORP"));
        });
    }

    [Test]
    public void Parse_UserAtDomain_IsSentAsAUpnWithAnEmptyNtlmDomain()
    {
        SmbCredential c = SmbCredential.Parse("bob@example.com", "pw");
        Assert.Multiple(() =>
        {
            Assert.That(c.User, Is.EqualTo("bob"));
            Assert.That(c.Domain, Is.EqualTo("example.com"));
            Assert.That(c.IsUserPrincipalName, Is.True);
            Assert.That(c.NtlmUser, Is.EqualTo("bob@example.com"));
            Assert.That(c.NtlmDomain, Is.Empty);
        });
    }

    [Test]
    public void Parse_PlainUser_HasNoDomain()
    {
        SmbCredential c = SmbCredential.Parse("carol", "pw");
        Assert.Multiple(() =>
        {
            Assert.That(c.User, Is.EqualTo("carol"));
            Assert.That(c.Domain, Is.Empty);
            Assert.That(c.IsAnonymous, Is.False);
            Assert.That(c.IsGuest, Is.False);
        });
    }

    [TestCase("")]
    [TestCase("\\user")]
    [TestCase("DOMAIN\\")]
    [TestCase("a\\b\\c")]
    [TestCase("@domain")]
    [TestCase("user@")]
    public void Parse_EmptyOrMalformedAccount_Throws_NeverFallsBackToAnonymous(string account)
    {
        Assert.That(() => SmbCredential.Parse(account, "pw"), Throws.ArgumentException);
    }

    [Test]
    public void AnonymousAndGuest_AreOnlyExplicit()
    {
        SmbCredential guest = SmbCredential.Guest();
        Assert.Multiple(() =>
        {
            Assert.That(SmbCredential.Anonymous.IsAnonymous, Is.True);
            Assert.That(SmbCredential.Anonymous.User, Is.Empty);
            Assert.That(guest.IsGuest, Is.True);
            Assert.That(guest.User, Is.EqualTo("Guest"));
            Assert.That(guest.Password, Is.Empty);
            Assert.That(() => new SmbCredential("", "D", "pw"), Throws.ArgumentException);
        });
    }

    [Test]
    public void ToString_NeverContainsThePassword()
    {
        const string password = "Tr0ub4dor&3";
        Assert.Multiple(() =>
        {
            Assert.That(SmbCredential.Parse("CORP\\alice", password).ToString(), Is.EqualTo("CORP\\alice"));
            Assert.That(SmbCredential.Parse("bob@example.com", password).ToString(), Is.EqualTo("bob@example.com"));
            Assert.That(SmbCredential.Parse("carol", password).ToString(), Does.Not.Contain(password));
            Assert.That(SmbCredential.Anonymous.ToString(), Is.EqualTo("(anonymous)"));
            Assert.That(SmbCredential.Guest().ToString(), Is.EqualTo("Guest (guest)"));
        });
    }
}
