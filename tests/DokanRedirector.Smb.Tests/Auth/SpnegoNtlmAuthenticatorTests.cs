using System.Buffers.Binary;
using DokanRedirector.Smb.Auth;
using DokanRedirector.Smb.Crypto;
using DokanRedirector.Smb.Tests.Crypto;

namespace DokanRedirector.Smb.Tests.Auth;

public class SpnegoNtlmAuthenticatorTests
{
    private static readonly SmbCredential WindowsUser = new("administrator", "SUT311", "Password01!");
    private static readonly byte[] WindowsClientChallenge = TestHex.Parse("BC4AD05F223CC90F");

    [Test]
    public void GetInitialToken_IsSpnegoNegTokenInitOfferingNtlmWithANegotiateMessage()
    {
        using var auth = new SpnegoNtlmAuthenticator(WindowsUser, "DRIVER311");
        byte[] token = auth.GetInitialToken();
        byte[] negotiate = token.AsSpan(token.Length - 40).ToArray();
        var flags = (NtlmNegotiateFlags)BinaryPrimitives.ReadUInt32LittleEndian(negotiate.AsSpan(12));
        const NtlmNegotiateFlags required =
            NtlmNegotiateFlags.KeyExchange | NtlmNegotiateFlags.Negotiate128 | NtlmNegotiateFlags.Negotiate56
            | NtlmNegotiateFlags.ExtendedSessionSecurity | NtlmNegotiateFlags.Sign | NtlmNegotiateFlags.Seal
            | NtlmNegotiateFlags.Unicode | NtlmNegotiateFlags.Ntlm | NtlmNegotiateFlags.AlwaysSign
            | NtlmNegotiateFlags.TargetInfo | NtlmNegotiateFlags.Version;
        Assert.Multiple(() =>
        {
            Assert.That(token, Is.EqualTo(Spnego.EncodeInitialNegTokenInit(Spnego.NtlmMechTypes, negotiate)));
            Assert.That(negotiate.AsSpan(0, 12).ToArray(), Is.EqualTo("NTLMSSP\0\u0001\0\0\0"u8.ToArray()));
            Assert.That(flags & required, Is.EqualTo(required));
        });
    }

    [Test]
    public void FullExchange_AgainstTheWindowsServerTokens_ProducesAValidAuthenticate_AndVerifiesTheServersMechListMic()
    {
        // Same randomness as the Windows client: then the ExportedSessionKey is the one the Windows server's
        // final mechListMIC was computed with, and Complete must accept that real token.
        using var auth = new SpnegoNtlmAuthenticator(WindowsUser, "DRIVER311", fileTimeNow: () => 0, random: FixedRandom(WindowsClientChallenge, Smb311BlogVectors.SessionKey));
        auth.GetInitialToken();
        byte[] token = auth.GetNextToken(WindowsExchange.ChallengeToken);

        SpnegoNegTokenResp resp = Spnego.DecodeNegTokenResp(token);
        byte[] authenticate = resp.ResponseToken!;
        byte[] nt = NtlmTestMessages.NtResponse(authenticate);
        List<(ushort Id, byte[] Value)> pairs = NtlmTestMessages.ResponseAvPairs(nt);
        NtlmChallengeMessage challenge = NtlmChallengeMessage.Parse(WindowsExchange.Challenge);

        // An independent server-side check of the response.
        var responseKey = new byte[16];
        NtlmCrypto.NtOwfV2("Password01!", "administrator", "SUT311", responseKey);
        var proof = new byte[16];
        NtlmCrypto.NtProofStr(responseKey, challenge.ServerChallenge, nt.AsSpan(16), proof);
        var sessionBaseKey = new byte[16];
        NtlmCrypto.SessionBaseKey(responseKey, proof, sessionBaseKey);
        var exported = new byte[16];
        Rc4.Transform(sessionBaseKey, NtlmTestMessages.EncryptedSessionKey(authenticate), exported);
        byte[] zeroMic = (byte[])authenticate.Clone();
        zeroMic.AsSpan(72, 16).Clear();
        var mic = new byte[16];
        NtlmCrypto.Mic(exported, NegotiateSentBy(auth), WindowsExchange.Challenge, zeroMic, mic);

        Assert.Multiple(() =>
        {
            Assert.That(resp.NegState, Is.EqualTo(SpnegoNegState.AcceptIncomplete));
            Assert.That(NtlmTestMessages.User(authenticate), Is.EqualTo("administrator"));
            Assert.That(NtlmTestMessages.Domain(authenticate), Is.EqualTo("SUT311"));
            Assert.That(NtlmTestMessages.Workstation(authenticate), Is.EqualTo("DRIVER311"));
            Assert.That(proof, Is.EqualTo(nt.AsSpan(0, 16).ToArray()), "NTProofStr");
            Assert.That(nt.AsSpan(24, 8).ToArray(), Is.EqualTo(TestHex.Parse("A1A1F5ADCBAED001")), "the server's MsvAvTimestamp is the response time");
            Assert.That(nt.AsSpan(32, 8).ToArray(), Is.EqualTo(WindowsClientChallenge));
            Assert.That(NtlmTestMessages.LmResponse(authenticate), Is.EqualTo(new byte[24]), "Z(24) when the server sent a timestamp");
            Assert.That(exported, Is.EqualTo(Smb311BlogVectors.SessionKey));
            Assert.That(auth.SessionKey.ToArray(), Is.EqualTo(Smb311BlogVectors.SessionKey));
            Assert.That(NtlmTestMessages.Mic(authenticate), Is.EqualTo(mic));
            Assert.That(resp.MechListMic, Is.EqualTo(WindowsExchange.ClientMechListMic), "same key, same mechTypes: same mechListMIC as Windows");
            Assert.That(pairs.Select(p => p.Id).ToArray(), Is.EqualTo(new ushort[] { 2, 1, 4, 3, 7, 6, 0 }), "server pairs echoed in order, then MsvAvFlags, then EOL");
            Assert.That(pairs[5].Value, Is.EqualTo(new byte[] { 2, 0, 0, 0 }), "MsvAvFlags: MIC present");
        });

        auth.Complete(WindowsExchange.FinalToken);
        Assert.That(auth.IsCompleted, Is.True);
    }

    [Test]
    public void SessionKey_FromTheWindowsExchange_DerivesTheSmb311SigningKeyThatVerifiesTheFinalResponse()
    {
        using var auth = new SpnegoNtlmAuthenticator(WindowsUser, "", () => 0, FixedRandom(WindowsClientChallenge, Smb311BlogVectors.SessionKey));
        auth.GetInitialToken();
        auth.GetNextToken(WindowsExchange.ChallengeToken);
        using SmbSessionKeys keys = SmbKeyDerivation.Derive(SmbDialect.Smb311, auth.SessionKey, Smb311BlogVectors.FinalPreauthHash, SmbCipher.Aes128Gcm);
        using SmbSigner signer = SmbSigner.Create(SmbSigningAlgorithm.AesCmac, keys.SigningKey);
        Assert.That(signer.Verify((byte[])Smb311BlogVectors.SessionSetupResponse2.Clone()), Is.True);
    }

    [Test]
    public void Complete_WithATamperedServerMechListMic_IsAProtocolError()
    {
        using var auth = new SpnegoNtlmAuthenticator(WindowsUser, "", () => 0, FixedRandom(WindowsClientChallenge, Smb311BlogVectors.SessionKey));
        auth.GetInitialToken();
        auth.GetNextToken(WindowsExchange.ChallengeToken);
        byte[] tampered = (byte[])WindowsExchange.FinalToken.Clone();
        tampered[^5] ^= 0x01;
        Assert.That(() => auth.Complete(tampered), Throws.TypeOf<SmbProtocolException>().With.Message.Contains("mechListMIC"));
        Assert.That(auth.IsCompleted, Is.False);
    }

    [Test]
    public void Complete_WithAnotherSessionKey_RejectsTheWindowsMechListMic()
    {
        using var auth = new SpnegoNtlmAuthenticator(WindowsUser);
        auth.GetInitialToken();
        auth.GetNextToken(WindowsExchange.ChallengeToken);
        Assert.That(() => auth.Complete(WindowsExchange.FinalToken), Throws.TypeOf<SmbProtocolException>());
    }

    [Test]
    public void Complete_AcceptsAnEmptyTokenOrOneWithoutMechListMic_ButNotAReject()
    {
        foreach (byte[] final in new[] { Array.Empty<byte>(), Spnego.EncodeNegTokenResp(SpnegoNegState.AcceptCompleted, [], []) })
        {
            using var auth = new SpnegoNtlmAuthenticator(WindowsUser);
            auth.GetInitialToken();
            auth.GetNextToken(WindowsExchange.ChallengeToken);
            auth.Complete(final);
            Assert.That(auth.IsCompleted, Is.True);
        }

        using var rejected = new SpnegoNtlmAuthenticator(WindowsUser);
        rejected.GetInitialToken();
        rejected.GetNextToken(WindowsExchange.ChallengeToken);
        Assert.That(() => rejected.Complete(Spnego.EncodeNegTokenResp(SpnegoNegState.Reject, [], [])), Throws.TypeOf<SmbProtocolException>());
    }

    [Test]
    public void GetNextToken_WithoutServerTimestamp_SendsLmV2_AndUsesTheClock()
    {
        // MS-NLMP 4.2.4 inputs: the LMv2 response does not depend on AV pairs, so it is the spec's value.
        var credential = new SmbCredential("User", "Domain", "Password");
        using var auth = new SpnegoNtlmAuthenticator(credential, "COMPUTER", () => 0x01D0AECBADF5A1A1, FixedRandom(NtlmCryptoTests.SpecClientChallenge, new byte[16]));
        auth.GetInitialToken();
        byte[] token = auth.GetNextToken(Spnego.EncodeNegTokenResp(SpnegoNegState.AcceptIncomplete, NtlmTestMessages.SpecChallenge(), []));
        byte[] authenticate = Spnego.DecodeNegTokenResp(token).ResponseToken!;
        byte[] nt = NtlmTestMessages.NtResponse(authenticate);
        Assert.Multiple(() =>
        {
            Assert.That(NtlmTestMessages.LmResponse(authenticate), Is.EqualTo(TestHex.Parse("86c35097ac9cec102554764a57cccc19aaaaaaaaaaaaaaaa")));
            Assert.That(BinaryPrimitives.ReadInt64LittleEndian(nt.AsSpan(24)), Is.EqualTo(0x01D0AECBADF5A1A1));
            Assert.That(NtlmTestMessages.ResponseAvPairs(nt).Select(p => p.Id).ToArray(), Is.EqualTo(new ushort[] { 2, 1, 6, 0 }));
        });
    }

    [Test]
    public void GetNextToken_AuthenticateFlags_AreTheIntersectionWithTheChallenge()
    {
        NtlmNegotiateFlags serverFlags = NtlmTestMessages.SpecFlags & ~NtlmNegotiateFlags.Negotiate56;
        byte[] challenge = NtlmTestMessages.Challenge(serverFlags, new byte[8], "S", NtlmTestMessages.AvPairs());
        using var auth = new SpnegoNtlmAuthenticator(WindowsUser);
        auth.GetInitialToken();
        byte[] authenticate = Spnego.DecodeNegTokenResp(auth.GetNextToken(Spnego.EncodeNegTokenResp(null, challenge, []))).ResponseToken!;
        NtlmNegotiateFlags flags = NtlmTestMessages.Flags(authenticate);
        Assert.Multiple(() =>
        {
            Assert.That(flags & NtlmNegotiateFlags.Negotiate56, Is.EqualTo(NtlmNegotiateFlags.None));
            Assert.That(flags & NtlmNegotiateFlags.Oem, Is.EqualTo(NtlmNegotiateFlags.None), "never more than the client asked for");
            Assert.That(flags & NtlmNegotiateFlags.KeyExchange, Is.EqualTo(NtlmNegotiateFlags.KeyExchange));
            Assert.That(NtlmTestMessages.EncryptedSessionKey(authenticate), Has.Length.EqualTo(16));
        });
    }

    [Test]
    public void GetNextToken_WithoutKeyExchange_ExportsTheSessionBaseKey()
    {
        NtlmNegotiateFlags serverFlags = NtlmTestMessages.SpecFlags & ~NtlmNegotiateFlags.KeyExchange;
        byte[] challenge = NtlmTestMessages.Challenge(serverFlags, NtlmCryptoTests.SpecServerChallenge, "S", NtlmCryptoTests.SpecAvPairs);
        var credential = new SmbCredential("User", "Domain", "Password");
        using var auth = new SpnegoNtlmAuthenticator(credential, "", () => 0, FixedRandom(NtlmCryptoTests.SpecClientChallenge));
        auth.GetInitialToken();
        byte[] authenticate = Spnego.DecodeNegTokenResp(auth.GetNextToken(Spnego.EncodeNegTokenResp(null, challenge, []))).ResponseToken!;
        byte[] nt = NtlmTestMessages.NtResponse(authenticate);
        var key = new byte[16];
        NtlmCrypto.NtOwfV2("Password", "User", "Domain", key);
        var baseKey = new byte[16];
        NtlmCrypto.SessionBaseKey(key, nt.AsSpan(0, 16), baseKey);
        Assert.Multiple(() =>
        {
            Assert.That(NtlmTestMessages.EncryptedSessionKey(authenticate), Is.Empty);
            Assert.That(auth.SessionKey.ToArray(), Is.EqualTo(baseKey));
        });
    }

    [Test]
    public void Anonymous_SendsTheNullSessionWithoutMicOrMechListMic_AndHasAZeroKey()
    {
        using var auth = new SpnegoNtlmAuthenticator(SmbCredential.Anonymous);
        auth.GetInitialToken();
        SpnegoNegTokenResp resp = Spnego.DecodeNegTokenResp(auth.GetNextToken(WindowsExchange.ChallengeToken));
        byte[] authenticate = resp.ResponseToken!;
        NtlmNegotiateFlags flags = NtlmTestMessages.Flags(authenticate);
        Assert.Multiple(() =>
        {
            Assert.That(auth.IsAnonymous, Is.True);
            Assert.That(NtlmTestMessages.User(authenticate), Is.Empty);
            Assert.That(NtlmTestMessages.Domain(authenticate), Is.Empty);
            Assert.That(NtlmTestMessages.NtResponse(authenticate), Is.Empty);
            Assert.That(NtlmTestMessages.LmResponse(authenticate), Is.EqualTo(new byte[1]));
            Assert.That(NtlmTestMessages.EncryptedSessionKey(authenticate), Is.Empty);
            Assert.That(NtlmTestMessages.Mic(authenticate), Is.EqualTo(new byte[16]));
            Assert.That(flags & NtlmNegotiateFlags.Anonymous, Is.EqualTo(NtlmNegotiateFlags.Anonymous));
            Assert.That(flags & NtlmNegotiateFlags.KeyExchange, Is.EqualTo(NtlmNegotiateFlags.None));
            Assert.That(resp.MechListMic, Is.Null);
            Assert.That(auth.SessionKey.ToArray(), Is.EqualTo(new byte[16]));
        });

        auth.Complete(WindowsExchange.FinalToken); // a mechListMIC cannot be checked without keys; it is ignored
        Assert.That(auth.IsCompleted, Is.True);
    }

    [Test]
    public void Guest_AuthenticatesAsTheGuestUserWithAnEmptyPassword()
    {
        using var auth = new SpnegoNtlmAuthenticator(SmbCredential.Guest());
        auth.GetInitialToken();
        byte[] authenticate = Spnego.DecodeNegTokenResp(auth.GetNextToken(WindowsExchange.ChallengeToken)).ResponseToken!;
        Assert.Multiple(() =>
        {
            Assert.That(auth.IsGuest, Is.True);
            Assert.That(NtlmTestMessages.User(authenticate), Is.EqualTo("Guest"));
            Assert.That(NtlmTestMessages.NtResponse(authenticate), Has.Length.GreaterThan(16));
        });
    }

    [Test]
    public void UpnCredential_SendsTheWholeUpnAsUserAndNoDomain()
    {
        using var auth = new SpnegoNtlmAuthenticator(SmbCredential.Parse("bob@example.com", "pw"));
        auth.GetInitialToken();
        byte[] authenticate = Spnego.DecodeNegTokenResp(auth.GetNextToken(WindowsExchange.ChallengeToken)).ResponseToken!;
        Assert.That(NtlmTestMessages.User(authenticate), Is.EqualTo("bob@example.com"));
        Assert.That(NtlmTestMessages.Domain(authenticate), Is.Empty);
    }

    [Test]
    public void GetNextToken_RejectsServerTokensThatCannotContinueNtlm()
    {
        byte[] noEss = NtlmTestMessages.Challenge(NtlmTestMessages.SpecFlags & ~NtlmNegotiateFlags.ExtendedSessionSecurity, new byte[8], "S", NtlmTestMessages.AvPairs());
        byte[] oem = NtlmTestMessages.Challenge(NtlmTestMessages.SpecFlags & ~NtlmNegotiateFlags.Unicode, new byte[8], "S", NtlmTestMessages.AvPairs());
        var cases = new (string Name, byte[] Token)[]
        {
            ("reject", Spnego.EncodeNegTokenResp(SpnegoNegState.Reject, [], [])),
            ("no challenge", Spnego.EncodeNegTokenResp(SpnegoNegState.AcceptIncomplete, [], [])),
            ("garbage challenge", Spnego.EncodeNegTokenResp(SpnegoNegState.AcceptIncomplete, [1, 2, 3], [])),
            ("no extended session security", Spnego.EncodeNegTokenResp(null, noEss, [])),
            ("OEM only", Spnego.EncodeNegTokenResp(null, oem, [])),
            ("raw NTLM", WindowsExchange.Challenge),
            ("empty", []),
        };
        foreach ((string name, byte[] token) in cases)
        {
            using var auth = new SpnegoNtlmAuthenticator(WindowsUser);
            auth.GetInitialToken();
            Assert.That(() => auth.GetNextToken(token), Throws.TypeOf<SmbProtocolException>(), name);
        }
    }

    [Test]
    public void GetNextToken_ThousandsOfMutatedChallenges_OnlyEverThrowSmbProtocolException()
    {
        var random = new Random(1320);
        int accepted = 0;
        for (int i = 0; i < 3000; i++)
        {
            byte[] challenge = NtlmChallengeMessageTests.Mutate(WindowsExchange.Challenge, random);
            using var auth = new SpnegoNtlmAuthenticator(WindowsUser);
            auth.GetInitialToken();
            try
            {
                auth.GetNextToken(Spnego.EncodeNegTokenResp(SpnegoNegState.AcceptIncomplete, challenge, []));
                accepted++;
            }
            catch (SmbProtocolException)
            {
            }
        }

        Assert.That(accepted, Is.GreaterThan(100));
    }

    [Test]
    public void CallsOutOfOrder_AreInvalidOperations_AndDisposeEndsEverything()
    {
        var auth = new SpnegoNtlmAuthenticator(WindowsUser);
        Assert.Multiple(() =>
        {
            Assert.That(() => auth.GetNextToken(WindowsExchange.ChallengeToken), Throws.InvalidOperationException);
            Assert.That(() => auth.Complete([]), Throws.InvalidOperationException);
            Assert.That(() => auth.SessionKey.ToArray(), Throws.InvalidOperationException);
        });
        auth.GetInitialToken();
        Assert.That(() => auth.GetInitialToken(), Throws.InvalidOperationException);
        auth.GetNextToken(WindowsExchange.ChallengeToken);
        Assert.That(() => auth.GetNextToken(WindowsExchange.ChallengeToken), Throws.InvalidOperationException);
        auth.Dispose();
        Assert.That(() => auth.SessionKey.ToArray(), Throws.TypeOf<ObjectDisposedException>());
        Assert.That(() => auth.Complete([]), Throws.TypeOf<ObjectDisposedException>());
    }

    /// <summary>Hands out the given byte strings in order to successive random requests.</summary>
    private static Action<Span<byte>> FixedRandom(params byte[][] values)
    {
        int next = 0;
        return span =>
        {
            byte[] value = values[next++];
            Assert.That(span.Length, Is.EqualTo(value.Length), "random request size");
            value.CopyTo(span);
        };
    }

    // The NEGOTIATE this authenticator sent is deterministic: rebuild it the way GetInitialToken does.
    private static byte[] NegotiateSentBy(SpnegoNtlmAuthenticator auth)
    {
        _ = auth;
        return NtlmNegotiateMessage.Build(NtlmConstants.ClientFlags);
    }
}
