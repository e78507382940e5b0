// MS-SMB2 3.1.4.2 (KDF), 3.2.5.3.1 (client session keys), 3.3.5.5.3 (server session keys).
using System.Security.Cryptography;

namespace DokanRedirector.Smb.Crypto;

/// <summary>The keys of one SMB2/3 session, from the client's point of view. Dispose wipes them.</summary>
public sealed class SmbSessionKeys : IDisposable
{
    private readonly byte[] _signingKey;
    private readonly byte[] _encryptionKey;
    private readonly byte[] _decryptionKey;
    private readonly byte[] _applicationKey;

    internal SmbSessionKeys(byte[] signingKey, byte[] encryptionKey, byte[] decryptionKey, byte[] applicationKey)
    {
        _signingKey = signingKey;
        _encryptionKey = encryptionKey;
        _decryptionKey = decryptionKey;
        _applicationKey = applicationKey;
    }

    /// <summary>Signs requests and verifies responses (16 bytes).</summary>
    public ReadOnlySpan<byte> SigningKey => _signingKey;

    /// <summary>Encrypts client-to-server messages; 16 or 32 bytes, empty before 3.0.</summary>
    public ReadOnlySpan<byte> EncryptionKey => _encryptionKey;

    /// <summary>Decrypts server-to-client messages; 16 or 32 bytes, empty before 3.0.</summary>
    public ReadOnlySpan<byte> DecryptionKey => _decryptionKey;

    /// <summary>The key handed to applications above SMB (MS-SMB2 3.2.1.3 Session.ApplicationKey); 16 bytes.</summary>
    public ReadOnlySpan<byte> ApplicationKey => _applicationKey;

    public void Dispose()
    {
        CryptographicOperations.ZeroMemory(_signingKey);
        CryptographicOperations.ZeroMemory(_encryptionKey);
        CryptographicOperations.ZeroMemory(_decryptionKey);
        CryptographicOperations.ZeroMemory(_applicationKey);
    }
}

/// <summary>
/// Derives the session keys. SMB 3.x uses SP800-108 counter-mode HMAC-SHA256 with r = 32 and L = 128 or 256
/// (MS-SMB2 3.1.4.2), which is exactly .NET's <see cref="SP800108HmacCounterKdf"/>. The labels and the 3.0
/// contexts end in a NUL that is part of the label (the KDF adds its own 0x00 separator after it).
/// </summary>
public static class SmbKeyDerivation
{
    // 3.0 / 3.0.2 labels and contexts.
    private static ReadOnlySpan<byte> Label30Signing => "SMB2AESCMAC\0"u8;
    private static ReadOnlySpan<byte> Context30Signing => "SmbSign\0"u8;
    private static ReadOnlySpan<byte> Label30Cipher => "SMB2AESCCM\0"u8;
    private static ReadOnlySpan<byte> Context30ClientToServer => "ServerIn \0"u8; // the space is in the spec
    private static ReadOnlySpan<byte> Context30ServerToClient => "ServerOut\0"u8;
    private static ReadOnlySpan<byte> Label30Application => "SMB2APP\0"u8;
    private static ReadOnlySpan<byte> Context30Application => "SmbRpc\0"u8;

    // 3.1.1 labels; the context is the session's preauth integrity hash.
    private static ReadOnlySpan<byte> Label311Signing => "SMBSigningKey\0"u8;
    private static ReadOnlySpan<byte> Label311ClientToServer => "SMBC2SCipherKey\0"u8;
    private static ReadOnlySpan<byte> Label311ServerToClient => "SMBS2CCipherKey\0"u8;
    private static ReadOnlySpan<byte> Label311Application => "SMBAppKey\0"u8;

    /// <summary>
    /// Derives the client's keys.
    /// </summary>
    /// <param name="dialect">The negotiated dialect.</param>
    /// <param name="sessionKey">The GSS session key (for NTLM the 16-byte ExportedSessionKey). Session.SessionKey
    /// is its first 16 bytes, zero-padded; AES-256 ciphers use the full key (Session.FullSessionKey).</param>
    /// <param name="preauthHash">The session's final preauth integrity hash (64 bytes) for 3.1.1; ignored otherwise.</param>
    /// <param name="cipher">The negotiated cipher, <see cref="SmbCipher.None"/> when encryption is not used
    /// (3.0/3.0.2 always derive AES-128-CCM keys, as the spec does).</param>
    public static SmbSessionKeys Derive(SmbDialect dialect, ReadOnlySpan<byte> sessionKey, ReadOnlySpan<byte> preauthHash, SmbCipher cipher)
    {
        if (sessionKey.IsEmpty)
        {
            throw new ArgumentException("The session key is empty.", nameof(sessionKey));
        }

        // Session.SessionKey: the first 16 bytes of the GSS key, right-padded with zeros (MS-SMB2 3.2.5.3.1).
        Span<byte> key16 = stackalloc byte[16];
        key16.Clear();
        sessionKey[..Math.Min(16, sessionKey.Length)].CopyTo(key16);
        try
        {
            switch (dialect)
            {
                case SmbDialect.Smb202:
                case SmbDialect.Smb210:
                    // 2.x signs with the session key itself and cannot encrypt.
                    return new SmbSessionKeys(key16.ToArray(), [], [], key16.ToArray());

                case SmbDialect.Smb300:
                case SmbDialect.Smb302:
                    if (cipher is not (SmbCipher.None or SmbCipher.Aes128Ccm))
                    {
                        throw new ArgumentException($"Dialect 3.0/3.0.2 has only AES-128-CCM, not {cipher}.", nameof(cipher));
                    }

                    return new SmbSessionKeys(
                        Kdf(key16, Label30Signing, Context30Signing, 16),
                        Kdf(key16, Label30Cipher, Context30ClientToServer, 16),
                        Kdf(key16, Label30Cipher, Context30ServerToClient, 16),
                        Kdf(key16, Label30Application, Context30Application, 16));

                case SmbDialect.Smb311:
                    if (preauthHash.Length != PreauthIntegrityHash.HashSizeInBytes)
                    {
                        throw new ArgumentException("Dialect 3.1.1 needs the 64-byte preauth integrity hash.", nameof(preauthHash));
                    }

                    // AES-256-*: L = 256 and the full session key (MS-SMB2 3.2.5.3.1).
                    bool aes256 = cipher is SmbCipher.Aes256Ccm or SmbCipher.Aes256Gcm;
                    ReadOnlySpan<byte> cipherKi = aes256 ? sessionKey : key16;
                    int cipherLength = aes256 ? 32 : 16;
                    return new SmbSessionKeys(
                        Kdf(key16, Label311Signing, preauthHash, 16),
                        Kdf(cipherKi, Label311ClientToServer, preauthHash, cipherLength),
                        Kdf(cipherKi, Label311ServerToClient, preauthHash, cipherLength),
                        Kdf(key16, Label311Application, preauthHash, 16));

                default:
                    throw new ArgumentOutOfRangeException(nameof(dialect), dialect, "unknown SMB dialect");
            }
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key16);
        }
    }

    /// <summary>KDF(Ki, Label, Context) with L = 8 * <paramref name="length"/> (MS-SMB2 3.1.4.2).</summary>
    public static byte[] Kdf(ReadOnlySpan<byte> ki, ReadOnlySpan<byte> label, ReadOnlySpan<byte> context, int length)
    {
        var output = new byte[length];
        SP800108HmacCounterKdf.DeriveBytes(ki, HashAlgorithmName.SHA256, label, context, output);
        return output;
    }
}
