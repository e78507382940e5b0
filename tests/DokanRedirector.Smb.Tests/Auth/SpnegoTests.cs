using DokanRedirector.Smb.Auth;
using DokanRedirector.Smb.Tests.Crypto;

namespace DokanRedirector.Smb.Tests.Auth;

public class SpnegoTests
{
    [Test]
    public void NtlmMechTypes_IsTheDerWindowsSends()
    {
        Assert.That(Spnego.NtlmMechTypes, Is.EqualTo(TestHex.Parse("300C060A2B06010401823702020A")));
    }

    [Test]
    public void EncodeInitialNegTokenInit_AroundWindowsNegotiate_IsByteForByteWindowsToken()
    {
        // 60 48 | 06 06 2B0601050502 | A0 3E 30 3C | A0 0E <mechTypes> | A2 2A 04 28 <NTLM NEGOTIATE>
        byte[] token = Spnego.EncodeInitialNegTokenInit(Spnego.NtlmMechTypes, WindowsExchange.Negotiate);
        Assert.That(token, Is.EqualTo(WindowsExchange.InitToken));
    }

    [Test]
    public void EncodeNegTokenResp_AroundWindowsAuthenticate_IsByteForByteWindowsToken()
    {
        // Long-form lengths (A1 82 01CB ...), negState accept-incomplete, responseToken, mechListMIC.
        byte[] token = Spnego.EncodeNegTokenResp(SpnegoNegState.AcceptIncomplete, WindowsExchange.Authenticate, WindowsExchange.ClientMechListMic);
        Assert.That(token, Is.EqualTo(WindowsExchange.AuthenticateToken));
    }

    [Test]
    public void DecodeNegTokenResp_WindowsServerChallenge_HasAcceptIncompleteNtlmAndTheChallenge()
    {
        SpnegoNegTokenResp r = Spnego.DecodeNegTokenResp(WindowsExchange.ChallengeToken);
        Assert.Multiple(() =>
        {
            Assert.That(r.NegState, Is.EqualTo(SpnegoNegState.AcceptIncomplete));
            Assert.That(r.SupportedMech, Is.EqualTo(Spnego.NtlmOid));
            Assert.That(r.ResponseToken!.AsSpan(0, 8).ToArray(), Is.EqualTo("NTLMSSP\0"u8.ToArray()));
            Assert.That(r.MechListMic, Is.Null);
        });
    }

    [Test]
    public void DecodeNegTokenResp_WindowsFinalToken_IsAcceptCompletedWithMechListMic()
    {
        SpnegoNegTokenResp r = Spnego.DecodeNegTokenResp(WindowsExchange.FinalToken);
        Assert.Multiple(() =>
        {
            Assert.That(r.NegState, Is.EqualTo(SpnegoNegState.AcceptCompleted));
            Assert.That(r.ResponseToken, Is.Null);
            Assert.That(r.MechListMic, Is.EqualTo(TestHex.Parse("010000003B453CDC3524164200000000")));
        });
    }

    [TestCase(null, "", "")]
    [TestCase(2, "", "")]
    [TestCase(1, "4E544C4D", "")]
    [TestCase(0, "", "01000000AABBCCDDEEFF001100000000")]
    [TestCase(3, "00", "01")]
    public void NegTokenResp_RoundTrips(int? negState, string token, string mic)
    {
        var state = (SpnegoNegState?)negState;
        byte[] encoded = Spnego.EncodeNegTokenResp(state, TestHex.Parse(token), TestHex.Parse(mic));
        SpnegoNegTokenResp r = Spnego.DecodeNegTokenResp(encoded);
        Assert.Multiple(() =>
        {
            Assert.That(r.NegState, Is.EqualTo(state));
            Assert.That(r.ResponseToken ?? [], Is.EqualTo(TestHex.Parse(token)));
            Assert.That(r.MechListMic ?? [], Is.EqualTo(TestHex.Parse(mic)));
        });
    }

    [Test]
    public void DecodeNegTokenResp_RejectsANegTokenInitAndGarbage()
    {
        Assert.Multiple(() =>
        {
            Assert.That(() => Spnego.DecodeNegTokenResp(WindowsExchange.InitToken), Throws.TypeOf<SmbProtocolException>());
            Assert.That(() => Spnego.DecodeNegTokenResp([]), Throws.TypeOf<SmbProtocolException>());
            Assert.That(() => Spnego.DecodeNegTokenResp(WindowsExchange.Challenge), Throws.TypeOf<SmbProtocolException>());
            Assert.That(() => Spnego.DecodeNegTokenResp(TestHex.Parse("A1053003A0010A")), Throws.TypeOf<SmbProtocolException>());
        });
    }

    [Test]
    public void DecodeNegTokenResp_ThousandsOfRandomMutations_OnlyEverThrowsSmbProtocolException()
    {
        var random = new Random(4178);
        byte[][] seeds = [WindowsExchange.ChallengeToken, WindowsExchange.FinalToken, WindowsExchange.AuthenticateToken];
        int accepted = 0, rejected = 0;
        for (int i = 0; i < 20000; i++)
        {
            byte[] m = NtlmChallengeMessageTests.Mutate(seeds[i % seeds.Length], random);
            try
            {
                Spnego.DecodeNegTokenResp(m);
                accepted++;
            }
            catch (SmbProtocolException)
            {
                rejected++;
            }
        }

        // Any other exception type fails the test above; both outcomes must have occurred.
        Assert.That(accepted + rejected, Is.EqualTo(20000));
        Assert.That(rejected, Is.GreaterThan(0), "mutations reached the parser's checks");
    }
}
