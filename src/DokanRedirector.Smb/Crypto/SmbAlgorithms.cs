// MS-SMB2 2.2.3 (Dialects), 2.2.3.1.2 (SMB2_ENCRYPTION_CAPABILITIES CipherId),
// 2.2.3.1.7 (SMB2_SIGNING_CAPABILITIES SigningAlgorithmId). Wire values, shared with the transport.
namespace DokanRedirector.Smb.Crypto;

/// <summary>An SMB2/3 dialect revision, as sent in NEGOTIATE (MS-SMB2 2.2.3).</summary>
public enum SmbDialect : ushort
{
    Smb202 = 0x0202,
    Smb210 = 0x0210,
    Smb300 = 0x0300,
    Smb302 = 0x0302,
    Smb311 = 0x0311,
}

/// <summary>An encryption cipher (MS-SMB2 2.2.3.1.2 CipherId). <see cref="None"/> means no encryption.</summary>
public enum SmbCipher : ushort
{
    None = 0,
    Aes128Ccm = 1,
    Aes128Gcm = 2,
    Aes256Ccm = 3,
    Aes256Gcm = 4,
}

/// <summary>A signing algorithm (MS-SMB2 2.2.3.1.7 SigningAlgorithmId; the numeric values are the wire values).</summary>
public enum SmbSigningAlgorithm : ushort
{
    /// <summary>HMAC-SHA256 truncated to 16 bytes: dialects 2.0.2 and 2.1.</summary>
    HmacSha256 = 0,
    /// <summary>AES-128-CMAC (RFC 4493): dialects 3.0, 3.0.2 and 3.1.1 by default.</summary>
    AesCmac = 1,
    /// <summary>AES-128-GMAC (RFC 4543): 3.1.1 when negotiated through SMB2_SIGNING_CAPABILITIES.</summary>
    AesGmac = 2,
}

/// <summary>Facts about the enums above that both the crypto code and the transport need.</summary>
public static class SmbAlgorithms
{
    /// <summary>True for the SMB 3.x family (3.0, 3.0.2, 3.1.1): KDF-derived keys, CMAC, encryption.</summary>
    public static bool IsSmb3(this SmbDialect dialect) => dialect >= SmbDialect.Smb300;

    /// <summary>The key length in bytes for <paramref name="cipher"/>: 16 for AES-128-*, 32 for AES-256-*.</summary>
    public static int KeySize(this SmbCipher cipher) => cipher switch
    {
        SmbCipher.Aes128Ccm or SmbCipher.Aes128Gcm => 16,
        SmbCipher.Aes256Ccm or SmbCipher.Aes256Gcm => 32,
        SmbCipher.None => 0,
        _ => throw new ArgumentOutOfRangeException(nameof(cipher), cipher, "unknown SMB cipher"),
    };

    /// <summary>True for the GCM ciphers (12-byte nonce); false for CCM (11-byte nonce).</summary>
    public static bool IsGcm(this SmbCipher cipher) => cipher is SmbCipher.Aes128Gcm or SmbCipher.Aes256Gcm;

    /// <summary>The default signing algorithm of a dialect when none was negotiated (MS-SMB2 3.1.4.1).</summary>
    public static SmbSigningAlgorithm DefaultSigningAlgorithm(this SmbDialect dialect) =>
        dialect.IsSmb3() ? SmbSigningAlgorithm.AesCmac : SmbSigningAlgorithm.HmacSha256;
}
