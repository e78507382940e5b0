using System.Text;
using DokanRedirector.Smb.Auth;
using DokanRedirector.Smb.Crypto;
using DokanRedirector.Smb.Tests.Crypto;

namespace DokanRedirector.Smb.Tests.Auth;

/// <summary>MS-NLMP 4.2.4 (NTLMv2 authentication) and the NTLMv2 key walk-through of Microsoft's SMB key blog.</summary>
public class NtlmCryptoTests
{
    internal static readonly byte[] SpecServerChallenge = TestHex.Parse("0123456789abcdef");
    internal static readonly byte[] SpecClientChallenge = TestHex.Parse("aaaaaaaaaaaaaaaa");

    /// <summary>MS-NLMP 4.2.4: MsvAvNbDomainName "Domain", MsvAvNbComputerName "Server", MsvAvEOL.</summary>
    internal static readonly byte[] SpecAvPairs = TestHex.Parse(
        "02000c00 44006f006d00610069006e00 01000c00 530065007200760065007200 00000000");

    [Test]
    public void NtOwfV2_MatchesMsNlmp424()
    {
        var key = new byte[16];
        NtlmCrypto.NtOwfV2("Password", "User", "Domain", key);
        Assert.That(key, Is.EqualTo(TestHex.Parse("0c868a403bfd7a93a3001ef22ef02e3f")));
    }

    [Test]
    public void NtOwfV2_UppercasesTheUserButNotTheDomain()
    {
        var a = new byte[16];
        var b = new byte[16];
        var c = new byte[16];
        NtlmCrypto.NtOwfV2("Password", "user", "Domain", a);
        NtlmCrypto.NtOwfV2("Password", "USER", "Domain", b);
        NtlmCrypto.NtOwfV2("Password", "USER", "DOMAIN", c);
        Assert.That(a, Is.EqualTo(b));
        Assert.That(c, Is.Not.EqualTo(b));
    }

    [Test]
    public void LmV2Response_MatchesMsNlmp424()
    {
        var key = new byte[16];
        NtlmCrypto.NtOwfV2("Password", "User", "Domain", key);
        var lm = new byte[24];
        NtlmCrypto.LmV2Response(key, SpecServerChallenge, SpecClientChallenge, lm);
        Assert.That(lm, Is.EqualTo(TestHex.Parse("86c35097ac9cec102554764a57cccc19aaaaaaaaaaaaaaaa")));
    }

    [Test]
    public void NtProofStr_SessionBaseKey_AndEncryptedRandomSessionKey_MatchMsNlmp424()
    {
        var key = new byte[16];
        NtlmCrypto.NtOwfV2("Password", "User", "Domain", key);
        byte[] temp = NtlmCrypto.BuildTemp(0, SpecClientChallenge, SpecAvPairs);
        var proof = new byte[16];
        NtlmCrypto.NtProofStr(key, SpecServerChallenge, temp, proof);
        var sessionBaseKey = new byte[16];
        NtlmCrypto.SessionBaseKey(key, proof, sessionBaseKey);
        var encrypted = new byte[16];
        Rc4.Transform(sessionBaseKey, TestHex.Parse("55555555555555555555555555555555"), encrypted);

        Assert.Multiple(() =>
        {
            // MS-NLMP 4.2.4.2.2: NTLMv2 response = NTProofStr || temp.
            Assert.That(TestHex.Of(temp), Is.EqualTo(TestHex.Of(TestHex.Parse(
                "0101000000000000 0000000000000000 aaaaaaaaaaaaaaaa 00000000"
                + "02000c0044006f006d00610069006e0001000c005300650072007600650072000000000000000000"))));
            Assert.That(proof, Is.EqualTo(TestHex.Parse("68cd0ab851e51c96aabc927bebef6a1c")));
            Assert.That(sessionBaseKey, Is.EqualTo(TestHex.Parse("8de40ccadbc14a82f15cb0ad0de95ca3")));
            Assert.That(encrypted, Is.EqualTo(TestHex.Parse("c5dad2544fc9799094ce1ce90bc9d03e")));
        });
    }

    [Test]
    public void KeyWalkThrough_OfMicrosoftsSmb311Example_ReachesTheGssSessionKey()
    {
        var ntHash = new byte[16];
        NtlmCrypto.NtOwfV1("Password01!", ntHash);
        var key = new byte[16];
        NtlmCrypto.NtOwfV2("Password01!", "administrator", "SUT311", key);

        byte[] auth = WindowsExchange.Authenticate;
        byte[] ntResponse = auth.AsSpan(168, 238).ToArray(); // NtChallengeResponseFields: 238 bytes at 168
        var proof = new byte[16];
        NtlmCrypto.NtProofStr(key, TestHex.Parse("0D1D8BA31179D008"), ntResponse.AsSpan(16), proof);
        var keyExchangeKey = new byte[16];
        NtlmCrypto.SessionBaseKey(key, proof, keyExchangeKey);
        var exported = new byte[16];
        Rc4.Transform(keyExchangeKey, auth.AsSpan(406, 16), exported);

        Assert.Multiple(() =>
        {
            Assert.That(ntHash, Is.EqualTo(TestHex.Parse("7C4FE5EADA682714A036E39378362BAB")));
            Assert.That(key, Is.EqualTo(TestHex.Parse("AEE3959B44A815F1EB28C9511B4F533B")));
            Assert.That(proof, Is.EqualTo(ntResponse.AsSpan(0, 16).ToArray()));
            Assert.That(proof, Is.EqualTo(TestHex.Parse("63078EB639FE03E20A231C3AE3BF2308")));
            Assert.That(keyExchangeKey, Is.EqualTo(TestHex.Parse("B4CF22566926B1C069ACD80E4D73C814")));
            Assert.That(exported, Is.EqualTo(Smb311BlogVectors.SessionKey));
        });
    }

    [Test]
    public void SignAndSealKeys_MatchMicrosoftsSmb311Example()
    {
        byte[] exported = Smb311BlogVectors.SessionKey;
        var flags = (NtlmNegotiateFlags)0xE2888215;
        var clientSign = new byte[16];
        var serverSign = new byte[16];
        var clientSeal = new byte[16];
        var serverSeal = new byte[16];
        NtlmCrypto.SignKey(exported, clientToServer: true, clientSign);
        NtlmCrypto.SignKey(exported, clientToServer: false, serverSign);
        NtlmCrypto.SealKey(exported, flags, clientToServer: true, clientSeal);
        NtlmCrypto.SealKey(exported, flags, clientToServer: false, serverSeal);
        Assert.Multiple(() =>
        {
            Assert.That(clientSign, Is.EqualTo(TestHex.Parse("D43F36C44BCE0630250A09EA0C2E8C2C")));
            Assert.That(serverSign, Is.EqualTo(TestHex.Parse("E1BD8B416B0B709D295E12F2CF18E6C5")));
            Assert.That(clientSeal, Is.EqualTo(TestHex.Parse("31E5557D99BE13F1B2665C7C7C52CE70")));
            Assert.That(serverSeal, Is.EqualTo(TestHex.Parse("B0F5A0B32C81FF34A878E1409B3B0EF2")));
        });
    }

    [Test]
    public void Mic_OverTheThreeWindowsMessages_IsTheMicWindowsSent()
    {
        byte[] auth = (byte[])WindowsExchange.Authenticate.Clone();
        byte[] sent = auth.AsSpan(NtlmAuthenticateMessage.MicOffset, 16).ToArray();
        auth.AsSpan(NtlmAuthenticateMessage.MicOffset, 16).Clear();
        var mic = new byte[16];
        NtlmCrypto.Mic(Smb311BlogVectors.SessionKey, WindowsExchange.Negotiate, WindowsExchange.Challenge, auth, mic);
        Assert.That(mic, Is.EqualTo(sent));
        Assert.That(sent, Is.EqualTo(TestHex.Parse("ECAC77A5F385A8BF9C38C706EEEDDCD3")));
    }

    [Test]
    public void Mac_WithSequence0AndSealedChecksum_ReproducesBothMechListMicsOfTheWindowsExchange()
    {
        byte[] exported = Smb311BlogVectors.SessionKey;
        var flags = (NtlmNegotiateFlags)0xE2888215;
        var signKey = new byte[16];
        var sealKey = new byte[16];

        NtlmCrypto.SignKey(exported, clientToServer: true, signKey);
        NtlmCrypto.SealKey(exported, flags, clientToServer: true, sealKey);
        var clientMic = new byte[16];
        using (var handle = new Rc4(sealKey))
        {
            NtlmCrypto.Mac(signKey, handle, 0, Spnego.NtlmMechTypes, clientMic);
        }

        NtlmCrypto.SignKey(exported, clientToServer: false, signKey);
        NtlmCrypto.SealKey(exported, flags, clientToServer: false, sealKey);
        var serverMic = new byte[16];
        using (var handle = new Rc4(sealKey))
        {
            NtlmCrypto.Mac(signKey, handle, 0, Spnego.NtlmMechTypes, serverMic);
        }

        Assert.Multiple(() =>
        {
            Assert.That(clientMic, Is.EqualTo(WindowsExchange.ClientMechListMic));
            Assert.That(serverMic, Is.EqualTo(WindowsExchange.ServerMechListMic));
        });
    }
}
