using DokanRedirector.Smb.Crypto;

namespace DokanRedirector.Smb.Tests.Crypto;

public class PreauthIntegrityHashTests
{
    [Test]
    public void StartsFrom64ZeroBytes()
    {
        using var hash = new PreauthIntegrityHash();
        Assert.That(hash.Value.ToArray(), Is.EqualTo(new byte[64]));
    }

    [Test]
    public void Update_ReproducesEveryStepOfMicrosoftsSmb311Example()
    {
        using var connection = new PreauthIntegrityHash();
        connection.Update(Smb311BlogVectors.NegotiateRequest);
        Assert.That(connection.Value.ToArray(), Is.EqualTo(Smb311BlogVectors.AfterNegotiateRequest));
        connection.Update(Smb311BlogVectors.NegotiateResponse);
        Assert.That(connection.Value.ToArray(), Is.EqualTo(Smb311BlogVectors.AfterNegotiateResponse));

        using PreauthIntegrityHash session = connection.Clone();
        session.Update(Smb311BlogVectors.SessionSetupRequest1);
        Assert.That(session.Value.ToArray(), Is.EqualTo(Smb311BlogVectors.AfterSessionSetupRequest1));
        session.Update(Smb311BlogVectors.SessionSetupResponse1);
        Assert.That(session.Value.ToArray(), Is.EqualTo(Smb311BlogVectors.AfterSessionSetupResponse1));
        session.Update(Smb311BlogVectors.SessionSetupRequest2);
        Assert.That(session.Value.ToArray(), Is.EqualTo(Smb311BlogVectors.FinalPreauthHash));

        // The fork leaves the connection's value alone.
        Assert.That(connection.Value.ToArray(), Is.EqualTo(Smb311BlogVectors.AfterNegotiateResponse));
    }

    [Test]
    public void Constructor_RejectsAnInitialValueThatIsNot64Bytes()
    {
        Assert.That(() => new PreauthIntegrityHash(new byte[32]), Throws.ArgumentException);
    }
}
