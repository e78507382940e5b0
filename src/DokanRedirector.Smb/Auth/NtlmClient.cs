// MS-NLMP 3.1.5 (client message processing) with NTLMv2 (3.3.2).
using System.Buffers.Binary;
using System.Security.Cryptography;
using DokanRedirector.Smb.Crypto;

namespace DokanRedirector.Smb.Auth;

/// <summary>
/// The client side of one NTLMv2 exchange: NEGOTIATE, then CHALLENGE -> AUTHENTICATE, then the keys.
/// Randomness and the clock are injectable for known-answer tests. Not thread-safe.
/// </summary>
internal sealed class NtlmClient : IDisposable
{
    private readonly SmbCredential _credential;
    private readonly string _workstation;
    private readonly Func<long> _fileTimeNow;
    private readonly Action<Span<byte>> _random;

    private readonly byte[] _exportedSessionKey = new byte[NtlmCrypto.KeySize];
    private readonly byte[] _clientSigningKey = new byte[NtlmCrypto.KeySize];
    private readonly byte[] _serverSigningKey = new byte[NtlmCrypto.KeySize];
    private Rc4? _clientSealing;
    private Rc4? _serverSealing;
    private byte[]? _negotiate;
    private bool _haveKeys;

    public NtlmClient(SmbCredential credential, string workstation, Func<long>? fileTimeNow = null, Action<Span<byte>>? random = null)
    {
        _credential = credential;
        _workstation = workstation ?? "";
        _fileTimeNow = fileTimeNow ?? (() => DateTime.UtcNow.ToFileTimeUtc());
        _random = random ?? RandomNumberGenerator.Fill;
    }

    /// <summary>The flags sent in AUTHENTICATE (valid after <see cref="ProcessChallenge"/>).</summary>
    public NtlmNegotiateFlags NegotiatedFlags { get; private set; }

    /// <summary>True once keys exist for message integrity (not for anonymous).</summary>
    public bool HasIntegrity => _haveKeys && !_credential.IsAnonymous;

    /// <summary>ExportedSessionKey (16 bytes; zeros for anonymous). Valid after <see cref="ProcessChallenge"/>.</summary>
    public ReadOnlySpan<byte> ExportedSessionKey => _exportedSessionKey;

    public byte[] CreateNegotiate()
    {
        if (_negotiate is not null)
        {
            throw new InvalidOperationException("The NTLM NEGOTIATE message was already created.");
        }

        _negotiate = NtlmNegotiateMessage.Build(NtlmConstants.ClientFlags);
        return _negotiate;
    }

    /// <summary>Answers the server's CHALLENGE_MESSAGE with an AUTHENTICATE_MESSAGE and derives the keys.</summary>
    public byte[] ProcessChallenge(ReadOnlySpan<byte> challengeBytes)
    {
        if (_negotiate is null || _haveKeys)
        {
            throw new InvalidOperationException("ProcessChallenge must follow CreateNegotiate, once.");
        }

        NtlmChallengeMessage challenge = NtlmChallengeMessage.Parse(challengeBytes);
        if ((challenge.Flags & NtlmNegotiateFlags.Unicode) == 0)
        {
            throw new SmbProtocolException("NTLM server did not negotiate NTLMSSP_NEGOTIATE_UNICODE; OEM strings are not supported.");
        }

        NtlmNegotiateFlags flags = challenge.Flags & NtlmConstants.ClientFlags;
        if (_credential.IsAnonymous)
        {
            return Anonymous(flags);
        }

        if ((flags & NtlmNegotiateFlags.ExtendedSessionSecurity) == 0)
        {
            throw new SmbProtocolException("NTLM server did not negotiate NTLMSSP_NEGOTIATE_EXTENDED_SESSIONSECURITY, which NTLMv2 signing needs.");
        }

        NegotiatedFlags = flags;
        Span<byte> responseKey = stackalloc byte[NtlmCrypto.KeySize];
        Span<byte> clientChallenge = stackalloc byte[8];
        Span<byte> ntProofStr = stackalloc byte[16];
        Span<byte> sessionBaseKey = stackalloc byte[NtlmCrypto.KeySize];
        try
        {
            NtlmCrypto.NtOwfV2(_credential.Password, _credential.NtlmUser, _credential.NtlmDomain, responseKey);
            _random(clientChallenge);

            // MS-NLMP 3.1.5.1.2: with a server MsvAvTimestamp, use its time and send Z(24) as the LM response.
            long time = challenge.Timestamp ?? _fileTimeNow();
            byte[] temp = NtlmCrypto.BuildTemp(time, clientChallenge, EncodeAvPairs(challenge.AvPairs));
            NtlmCrypto.NtProofStr(responseKey, challenge.ServerChallenge, temp, ntProofStr);
            byte[] ntResponse = new byte[16 + temp.Length];
            ntProofStr.CopyTo(ntResponse);
            temp.CopyTo(ntResponse, 16);

            byte[] lmResponse = new byte[24];
            if (challenge.Timestamp is null)
            {
                NtlmCrypto.LmV2Response(responseKey, challenge.ServerChallenge, clientChallenge, lmResponse);
            }

            // NTLMv2: KeyExchangeKey = SessionBaseKey. With KEY_EXCH the exported key is random and sent RC4-sealed.
            NtlmCrypto.SessionBaseKey(responseKey, ntProofStr, sessionBaseKey);
            byte[] encryptedKey = [];
            if ((flags & NtlmNegotiateFlags.KeyExchange) != 0)
            {
                _random(_exportedSessionKey);
                encryptedKey = new byte[NtlmCrypto.KeySize];
                Rc4.Transform(sessionBaseKey, _exportedSessionKey, encryptedKey);
            }
            else
            {
                sessionBaseKey.CopyTo(_exportedSessionKey);
            }

            byte[] authenticate = NtlmAuthenticateMessage.Build(
                flags, lmResponse, ntResponse, _credential.NtlmDomain, _credential.NtlmUser, _workstation, encryptedKey);
            NtlmCrypto.Mic(_exportedSessionKey, _negotiate, challengeBytes, authenticate,
                authenticate.AsSpan(NtlmAuthenticateMessage.MicOffset, NtlmAuthenticateMessage.MicSize));
            DeriveIntegrityKeys(flags);
            _haveKeys = true;
            return authenticate;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(responseKey);
            CryptographicOperations.ZeroMemory(sessionBaseKey);
        }
    }

    /// <summary>The client's mechListMIC: the NTLM MAC of <paramref name="mechTypes"/> with sequence number 0.</summary>
    public byte[] ComputeMechListMic(ReadOnlySpan<byte> mechTypes)
    {
        RequireIntegrity();
        var mic = new byte[16];
        NtlmCrypto.Mac(_clientSigningKey, _clientSealing, 0, mechTypes, mic);
        return mic;
    }

    /// <summary>Checks the server's mechListMIC (server keys, sequence number 0) in constant time.</summary>
    public bool VerifyServerMechListMic(ReadOnlySpan<byte> mechTypes, ReadOnlySpan<byte> mic)
    {
        RequireIntegrity();
        Span<byte> expected = stackalloc byte[16];
        NtlmCrypto.Mac(_serverSigningKey, _serverSealing, 0, mechTypes, expected);
        return mic.Length == 16 && CryptographicOperations.FixedTimeEquals(expected, mic);
    }

    public void Dispose()
    {
        CryptographicOperations.ZeroMemory(_exportedSessionKey);
        CryptographicOperations.ZeroMemory(_clientSigningKey);
        CryptographicOperations.ZeroMemory(_serverSigningKey);
        _clientSealing?.Dispose();
        _serverSealing?.Dispose();
    }

    // MS-NLMP 3.3.2 anonymous: empty NT response, LM response Z(1), no key exchange, no MIC; the key is zero.
    private byte[] Anonymous(NtlmNegotiateFlags flags)
    {
        flags = (flags | NtlmNegotiateFlags.Anonymous) & ~NtlmNegotiateFlags.KeyExchange;
        NegotiatedFlags = flags;
        _haveKeys = true;
        return NtlmAuthenticateMessage.Build(flags, [0], [], "", "", _workstation, []);
    }

    private void DeriveIntegrityKeys(NtlmNegotiateFlags flags)
    {
        NtlmCrypto.SignKey(_exportedSessionKey, clientToServer: true, _clientSigningKey);
        NtlmCrypto.SignKey(_exportedSessionKey, clientToServer: false, _serverSigningKey);
        Span<byte> sealKey = stackalloc byte[NtlmCrypto.KeySize];
        if ((flags & NtlmNegotiateFlags.KeyExchange) != 0)
        {
            NtlmCrypto.SealKey(_exportedSessionKey, flags, clientToServer: true, sealKey);
            _clientSealing = new Rc4(sealKey);
            NtlmCrypto.SealKey(_exportedSessionKey, flags, clientToServer: false, sealKey);
            _serverSealing = new Rc4(sealKey);
            CryptographicOperations.ZeroMemory(sealKey);
        }
    }

    private void RequireIntegrity()
    {
        if (!HasIntegrity)
        {
            throw new InvalidOperationException("No NTLM integrity keys: the exchange is incomplete or anonymous.");
        }
    }

    // The server's pairs in order, MsvAvFlags with the MIC bit (merged into the server's if it sent one), MsvAvEOL.
    private static byte[] EncodeAvPairs(List<NtlmAvPair> serverPairs)
    {
        int length = 0;
        bool hasFlags = false;
        foreach (NtlmAvPair pair in serverPairs)
        {
            length += 4 + pair.Value.Length;
            hasFlags |= pair.Id == NtlmAvId.Flags;
        }

        length += (hasFlags ? 0 : 8) + 4;
        var encoded = new byte[length];
        Span<byte> e = encoded;
        int pos = 0;
        foreach (NtlmAvPair pair in serverPairs)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(e[pos..], (ushort)pair.Id);
            BinaryPrimitives.WriteUInt16LittleEndian(e[(pos + 2)..], (ushort)pair.Value.Length);
            pair.Value.CopyTo(e[(pos + 4)..]);
            if (pair.Id == NtlmAvId.Flags)
            {
                uint value = BinaryPrimitives.ReadUInt32LittleEndian(pair.Value) | NtlmConstants.AvFlagMicPresent;
                BinaryPrimitives.WriteUInt32LittleEndian(e[(pos + 4)..], value);
            }

            pos += 4 + pair.Value.Length;
        }

        if (!hasFlags)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(e[pos..], (ushort)NtlmAvId.Flags);
            BinaryPrimitives.WriteUInt16LittleEndian(e[(pos + 2)..], 4);
            BinaryPrimitives.WriteUInt32LittleEndian(e[(pos + 4)..], NtlmConstants.AvFlagMicPresent);
            pos += 8;
        }

        // MsvAvEOL: AvId 0, AvLen 0 (the array is already zero).
        return encoded;
    }
}
