using DokanRedirector.Smb.Crypto;

namespace DokanRedirector.Smb.Tests.Crypto;

public class SmbKeyDerivationTests
{
    [Test]
    public void Derive_Smb300_MatchesMicrosoftMultichannelExample()
    {
        // "Key derivation example for SMB 3.0 multichannel" (keys labelled from the client's side).
        using SmbSessionKeys keys = SmbKeyDerivation.Derive(SmbDialect.Smb300, TestHex.Parse("7CD451825D0450D235424E44BA6E78CC"), [], SmbCipher.Aes128Ccm);
        Assert.Multiple(() =>
        {
            Assert.That(keys.SigningKey.ToArray(), Is.EqualTo(TestHex.Parse("0B7E9C5CAC36C0F6EA9AB275298CEDCE")));
            Assert.That(keys.EncryptionKey.ToArray(), Is.EqualTo(TestHex.Parse("FAD27796665B313EBB578F388632B4F7")));
            Assert.That(keys.DecryptionKey.ToArray(), Is.EqualTo(TestHex.Parse("B0F0427F7CEB416D1D9DCC0CD4F99447")));
            Assert.That(keys.ApplicationKey.ToArray(), Is.EqualTo(TestHex.Parse("BB23A4575AA26C721AF525AF15A87B4F")));
        });
    }

    [Test]
    public void Derive_Smb300_MatchesTheClientKeysOfTheSmb30EncryptionExample()
    {
        // "Encryption in SMB 3.0: A protocol perspective": the client encrypts with 261B..., decrypts with 8FE2...
        using SmbSessionKeys keys = SmbKeyDerivation.Derive(SmbDialect.Smb300, TestHex.Parse("B4546771B515F766A86735532DD6C4F0"), [], SmbCipher.Aes128Ccm);
        Assert.Multiple(() =>
        {
            Assert.That(keys.EncryptionKey.ToArray(), Is.EqualTo(TestHex.Parse("261B72350558F2E9DCF613070383EDBF")));
            Assert.That(keys.DecryptionKey.ToArray(), Is.EqualTo(TestHex.Parse("8FE2B57EC34D2DB5B1A9727F526BBDB5")));
        });
    }

    [Test]
    public void Derive_Smb311_MatchesMicrosoftMultichannelExample()
    {
        using SmbSessionKeys keys = SmbKeyDerivation.Derive(
            SmbDialect.Smb311, Smb311BlogVectors.SessionKey, Smb311BlogVectors.FinalPreauthHash, SmbCipher.Aes128Gcm);
        Assert.Multiple(() =>
        {
            Assert.That(keys.SigningKey.ToArray(), Is.EqualTo(Smb311BlogVectors.SigningKey));
            Assert.That(keys.ApplicationKey.ToArray(), Is.EqualTo(Smb311BlogVectors.ApplicationKey));
            Assert.That(keys.EncryptionKey.ToArray(), Is.EqualTo(Smb311BlogVectors.EncryptionKey));
            Assert.That(keys.DecryptionKey.ToArray(), Is.EqualTo(Smb311BlogVectors.DecryptionKey));
        });
    }

    [Test]
    public void Derive_Smb311_SecondChannelSigningKey_MatchesMicrosoftExample()
    {
        byte[] preauth = TestHex.Parse(
            "EA3BF912B11CBFEC5B1889E8209614218687F82FA5294521AD3063425E49E88A10BD022124CE2512"
            + "3BC9111F52D9566BA88BF46344E6063DC5E3FF0389026F6C");
        using SmbSessionKeys keys = SmbKeyDerivation.Derive(SmbDialect.Smb311, TestHex.Parse("84B9DBB730116A8FA6E9889555C265F9"), preauth, SmbCipher.Aes128Gcm);
        Assert.That(keys.SigningKey.ToArray(), Is.EqualTo(TestHex.Parse("C962BCA1A9DD1697B030644199705431")));
    }

    [Test]
    public void Derive_Smb311_MatchesTheClientKeysOfTheSmb311EncryptionExample()
    {
        // "SMB 3.1.1 Encryption in Windows 10".
        byte[] preauth = TestHex.Parse(
            "B23F3CBFD69487D9832B79B1594A367CDD950909B774C3A4C412B4FCEA9EDDDBA7DB256BA2EA30E9"
            + "77F11F9B113247578E0E915C6D2A513B8F2FCA5707DC8770");
        using SmbSessionKeys keys = SmbKeyDerivation.Derive(SmbDialect.Smb311, TestHex.Parse("419FDDF34C1E001909D362AE7FB6AF79"), preauth, SmbCipher.Aes128Gcm);
        Assert.Multiple(() =>
        {
            Assert.That(keys.EncryptionKey.ToArray(), Is.EqualTo(TestHex.Parse("A2F5E80E5D59103034F32E52F698E5EC")));
            Assert.That(keys.DecryptionKey.ToArray(), Is.EqualTo(TestHex.Parse("748C50868C90F302962A5C35F5F9A8BF")));
        });
    }

    [TestCase(SmbCipher.Aes256Gcm)]
    [TestCase(SmbCipher.Aes256Ccm)]
    public void Derive_Smb311Aes256_Uses256BitKeysFromTheFullSessionKey_AndKeeps128BitSigning(SmbCipher cipher)
    {
        byte[] fullKey = Enumerable.Range(1, 32).Select(i => (byte)i).ToArray();
        byte[] preauth = Enumerable.Range(0, 64).Select(i => (byte)i).ToArray();
        using SmbSessionKeys keys = SmbKeyDerivation.Derive(SmbDialect.Smb311, fullKey, preauth, cipher);
        Assert.Multiple(() =>
        {
            Assert.That(keys.EncryptionKey.ToArray(), Is.EqualTo(SmbKeyDerivation.Kdf(fullKey, "SMBC2SCipherKey\0"u8, preauth, 32)));
            Assert.That(keys.DecryptionKey.ToArray(), Is.EqualTo(SmbKeyDerivation.Kdf(fullKey, "SMBS2CCipherKey\0"u8, preauth, 32)));
            Assert.That(keys.SigningKey.ToArray(), Is.EqualTo(SmbKeyDerivation.Kdf(fullKey.AsSpan(0, 16), "SMBSigningKey\0"u8, preauth, 16)));
        });
    }

    [Test]
    public void Kdf_L256_IsNotAnExtensionOfL128()
    {
        // L is an input of every PRF block, so the 256-bit key does not start with the 128-bit one.
        byte[] key = new byte[16];
        byte[] k128 = SmbKeyDerivation.Kdf(key, "L\0"u8, "C\0"u8, 16);
        byte[] k256 = SmbKeyDerivation.Kdf(key, "L\0"u8, "C\0"u8, 32);
        Assert.That(k256.AsSpan(0, 16).ToArray(), Is.Not.EqualTo(k128));
    }

    [TestCase(SmbDialect.Smb202)]
    [TestCase(SmbDialect.Smb210)]
    public void Derive_Smb2x_SignsWithTheSessionKey_AndHasNoCipherKeys(SmbDialect dialect)
    {
        byte[] sessionKey = TestHex.Parse("00112233445566778899AABBCCDDEEFF0102");
        using SmbSessionKeys keys = SmbKeyDerivation.Derive(dialect, sessionKey, [], SmbCipher.None);
        Assert.Multiple(() =>
        {
            Assert.That(keys.SigningKey.ToArray(), Is.EqualTo(sessionKey.AsSpan(0, 16).ToArray()));
            Assert.That(keys.EncryptionKey.IsEmpty, Is.True);
            Assert.That(keys.DecryptionKey.IsEmpty, Is.True);
        });
    }

    [Test]
    public void Derive_ShortSessionKey_IsZeroPaddedTo16Bytes()
    {
        using SmbSessionKeys shortKey = SmbKeyDerivation.Derive(SmbDialect.Smb300, [1, 2, 3], [], SmbCipher.None);
        using SmbSessionKeys padded = SmbKeyDerivation.Derive(SmbDialect.Smb300, [1, 2, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], [], SmbCipher.None);
        Assert.That(shortKey.SigningKey.ToArray(), Is.EqualTo(padded.SigningKey.ToArray()));
    }

    [Test]
    public void Derive_RejectsMissingPreauthHashAndImpossibleCombinations()
    {
        byte[] key = new byte[16];
        Assert.Multiple(() =>
        {
            Assert.That(() => SmbKeyDerivation.Derive(SmbDialect.Smb311, key, new byte[63], SmbCipher.Aes128Gcm), Throws.ArgumentException);
            Assert.That(() => SmbKeyDerivation.Derive(SmbDialect.Smb300, key, [], SmbCipher.Aes256Gcm), Throws.ArgumentException);
            Assert.That(() => SmbKeyDerivation.Derive(SmbDialect.Smb300, [], [], SmbCipher.None), Throws.ArgumentException);
        });
    }

    [Test]
    public void Dispose_WipesTheKeys()
    {
        SmbSessionKeys keys = SmbKeyDerivation.Derive(SmbDialect.Smb300, TestHex.Parse("7CD451825D0450D235424E44BA6E78CC"), [], SmbCipher.Aes128Ccm);
        keys.Dispose();
        Assert.That(keys.SigningKey.ToArray(), Is.All.EqualTo((byte)0));
    }
}
