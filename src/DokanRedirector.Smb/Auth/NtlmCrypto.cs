// MS-NLMP 3.3.2 (NTLMv2 responses and keys), 3.4.5.2 SIGNKEY, 3.4.5.3 SEALKEY, 3.4.4.2 MAC with extended
// session security, 3.1.5.1.2 MIC. All keys are 16 bytes.
using System.Buffers;
using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using DokanRedirector.Smb.Crypto;

namespace DokanRedirector.Smb.Auth;

internal static class NtlmCrypto
{
    public const int KeySize = 16;

    private static ReadOnlySpan<byte> ClientSigningMagic => "session key to client-to-server signing key magic constant\0"u8;
    private static ReadOnlySpan<byte> ServerSigningMagic => "session key to server-to-client signing key magic constant\0"u8;
    private static ReadOnlySpan<byte> ClientSealingMagic => "session key to client-to-server sealing key magic constant\0"u8;
    private static ReadOnlySpan<byte> ServerSealingMagic => "session key to server-to-client sealing key magic constant\0"u8;

    /// <summary>NTOWFv1 = MD4(UNICODE(password)), the NT hash.</summary>
    public static void NtOwfV1(string password, Span<byte> destination)
    {
        byte[] buffer = ArrayPool<byte>.Shared.Rent(Encoding.Unicode.GetMaxByteCount(password.Length));
        try
        {
            int n = Encoding.Unicode.GetBytes(password, buffer);
            Md4.HashData(buffer.AsSpan(0, n), destination);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(buffer);
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>NTOWFv2 = HMAC_MD5(NTOWFv1(password), UNICODE(Uppercase(user) || domain)) = ResponseKeyNT = ResponseKeyLM.</summary>
    public static void NtOwfV2(string password, string user, string domain, Span<byte> destination)
    {
        Span<byte> ntHash = stackalloc byte[KeySize];
        NtOwfV1(password, ntHash);
        byte[] userDomain = Encoding.Unicode.GetBytes(user.ToUpperInvariant() + domain);
        HMACMD5.HashData(ntHash, userDomain, destination);
        CryptographicOperations.ZeroMemory(ntHash);
    }

    /// <summary>
    /// temp = RespType 1 || HiRespType 1 || Z(6) || Time || ClientChallenge || Z(4) || AV pairs || Z(4)
    /// (the NTLMv2_CLIENT_CHALLENGE, MS-NLMP 2.2.2.7 / 3.3.2). <paramref name="avPairs"/> ends with MsvAvEOL.
    /// </summary>
    public static byte[] BuildTemp(long time, ReadOnlySpan<byte> clientChallenge, ReadOnlySpan<byte> avPairs)
    {
        var temp = new byte[1 + 1 + 6 + 8 + 8 + 4 + avPairs.Length + 4];
        temp[0] = 1; // RespType
        temp[1] = 1; // HiRespType
        BinaryPrimitives.WriteInt64LittleEndian(temp.AsSpan(8), time);
        clientChallenge[..8].CopyTo(temp.AsSpan(16));
        avPairs.CopyTo(temp.AsSpan(28));
        return temp;
    }

    /// <summary>NTProofStr = HMAC_MD5(ResponseKeyNT, ServerChallenge || temp).</summary>
    public static void NtProofStr(ReadOnlySpan<byte> responseKeyNt, ReadOnlySpan<byte> serverChallenge, ReadOnlySpan<byte> temp, Span<byte> destination)
    {
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.MD5, responseKeyNt);
        hmac.AppendData(serverChallenge);
        hmac.AppendData(temp);
        hmac.GetHashAndReset(destination);
    }

    /// <summary>LMv2 response = HMAC_MD5(ResponseKeyLM, ServerChallenge || ClientChallenge) || ClientChallenge (24 bytes).</summary>
    public static void LmV2Response(ReadOnlySpan<byte> responseKeyLm, ReadOnlySpan<byte> serverChallenge, ReadOnlySpan<byte> clientChallenge, Span<byte> destination)
    {
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.MD5, responseKeyLm);
        hmac.AppendData(serverChallenge);
        hmac.AppendData(clientChallenge[..8]);
        hmac.GetHashAndReset(destination[..16]);
        clientChallenge[..8].CopyTo(destination[16..]);
    }

    /// <summary>SessionBaseKey = HMAC_MD5(ResponseKeyNT, NTProofStr); for NTLMv2 it is also the KeyExchangeKey.</summary>
    public static void SessionBaseKey(ReadOnlySpan<byte> responseKeyNt, ReadOnlySpan<byte> ntProofStr, Span<byte> destination) =>
        HMACMD5.HashData(responseKeyNt, ntProofStr, destination);

    /// <summary>SIGNKEY with extended session security: MD5(ExportedSessionKey || magic constant incl. its NUL).</summary>
    public static void SignKey(ReadOnlySpan<byte> exportedSessionKey, bool clientToServer, Span<byte> destination) =>
        Md5(exportedSessionKey, clientToServer ? ClientSigningMagic : ServerSigningMagic, destination);

    /// <summary>SEALKEY with extended session security: the session key cut to 16, 7 or 5 bytes by
    /// NEGOTIATE_128 / NEGOTIATE_56 / neither, then MD5 with the magic constant.</summary>
    public static void SealKey(ReadOnlySpan<byte> exportedSessionKey, NtlmNegotiateFlags flags, bool clientToServer, Span<byte> destination)
    {
        int length = (flags & NtlmNegotiateFlags.Negotiate128) != 0 ? 16 : (flags & NtlmNegotiateFlags.Negotiate56) != 0 ? 7 : 5;
        Md5(exportedSessionKey[..length], clientToServer ? ClientSealingMagic : ServerSealingMagic, destination);
    }

    /// <summary>
    /// The NTLMSSP_MESSAGE_SIGNATURE with extended session security (MS-NLMP 3.4.4.2): Version 1 (4 bytes),
    /// Checksum = HMAC_MD5(SigningKey, SeqNum || message)[0..8], RC4-encrypted with the sealing handle when
    /// KEY_EXCH was negotiated (<paramref name="sealingHandle"/> not null), then SeqNum (4 bytes). 16 bytes.
    /// </summary>
    public static void Mac(ReadOnlySpan<byte> signingKey, Rc4? sealingHandle, uint seqNum, ReadOnlySpan<byte> message, Span<byte> destination)
    {
        Span<byte> seq = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(seq, seqNum);
        Span<byte> hmac = stackalloc byte[16];
        using (var h = IncrementalHash.CreateHMAC(HashAlgorithmName.MD5, signingKey))
        {
            h.AppendData(seq);
            h.AppendData(message);
            h.GetHashAndReset(hmac);
        }

        BinaryPrimitives.WriteUInt32LittleEndian(destination, 1);
        Span<byte> checksum = destination.Slice(4, 8);
        hmac[..8].CopyTo(checksum);
        sealingHandle?.Transform(checksum);
        seq.CopyTo(destination[12..]);
        CryptographicOperations.ZeroMemory(hmac);
    }

    /// <summary>MIC = HMAC_MD5(ExportedSessionKey, NEGOTIATE || CHALLENGE || AUTHENTICATE with a zero MIC field).</summary>
    public static void Mic(ReadOnlySpan<byte> exportedSessionKey, ReadOnlySpan<byte> negotiate, ReadOnlySpan<byte> challenge, ReadOnlySpan<byte> authenticate, Span<byte> destination)
    {
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.MD5, exportedSessionKey);
        hmac.AppendData(negotiate);
        hmac.AppendData(challenge);
        hmac.AppendData(authenticate);
        hmac.GetHashAndReset(destination);
    }

    private static void Md5(ReadOnlySpan<byte> key, ReadOnlySpan<byte> magic, Span<byte> destination)
    {
        using var md5 = IncrementalHash.CreateHash(HashAlgorithmName.MD5);
        md5.AppendData(key);
        md5.AppendData(magic);
        md5.GetHashAndReset(destination);
    }
}
