// MS-SMB2 2.2.3 SMB2 NEGOTIATE Request
using DokanRedirector.Smb.Crypto;

namespace DokanRedirector.Smb.Messages;

internal readonly struct NegotiateRequest : ISmbRequest
{
    // Offered in order of preference: GCM before CCM, AES-256 after AES-128 (Windows' order).
    private static readonly SmbCipher[] Ciphers =
        [SmbCipher.Aes128Gcm, SmbCipher.Aes128Ccm, SmbCipher.Aes256Gcm, SmbCipher.Aes256Ccm];

    // GMAC first: it is the fastest and 3.1.1 servers that know it prefer it too.
    private static readonly SmbSigningAlgorithm[] SigningAlgorithms =
        [SmbSigningAlgorithm.AesGmac, SmbSigningAlgorithm.AesCmac, SmbSigningAlgorithm.HmacSha256];

    private const int FixedSize =
        sizeof(ushort) // StructureSize (36)
        + sizeof(ushort) // DialectCount
        + sizeof(ushort) // SecurityMode
        + sizeof(ushort) // Reserved
        + sizeof(uint) // Capabilities
        + 16 // ClientGuid
        + sizeof(uint) // NegotiateContextOffset (3.1.1) / ClientStartTime
        + sizeof(ushort) // NegotiateContextCount
        + sizeof(ushort); // Reserved2

    public NegotiateRequest(SmbDialect[] dialects, SmbSecurityMode securityMode, SmbCapabilities capabilities, Guid clientGuid, byte[] salt)
    {
        Dialects = dialects;
        SecurityMode = securityMode;
        Capabilities = capabilities;
        ClientGuid = clientGuid;
        Salt = salt;
    }

    public SmbDialect[] Dialects { get; }

    public SmbSecurityMode SecurityMode { get; }

    public SmbCapabilities Capabilities { get; }

    public Guid ClientGuid { get; }

    /// <summary>The 32-byte preauth integrity salt (3.1.1 only).</summary>
    public byte[] Salt { get; }

    public SmbCommand Command => SmbCommand.Negotiate;

    public int ExpectedResponseSize => 0;

    private bool HasContexts => Array.IndexOf(Dialects, SmbDialect.Smb311) >= 0;

    private static int PreauthDataSize =>
        sizeof(ushort) // HashAlgorithmCount
        + sizeof(ushort) // SaltLength
        + sizeof(ushort) // HashAlgorithms[1]: SHA-512
        + NegotiateContexts.SaltSize; // Salt

    private static int EncryptionDataSize => sizeof(ushort) + (Ciphers.Length * sizeof(ushort)); // CipherCount, Ciphers

    private static int SigningDataSize => sizeof(ushort) + (SigningAlgorithms.Length * sizeof(ushort)); // Count, Algorithms

    private int DialectsEnd => SmbHeader.Size + FixedSize + (Dialects.Length * sizeof(ushort));

    public int BodySize
    {
        get
        {
            var size = FixedSize + (Dialects.Length * sizeof(ushort)); // Dialects
            if (!HasContexts)
            {
                return size;
            }
            var end = DialectsEnd;
            end += SmbWriter.Padding8(end) + NegotiateContexts.ContextHeaderSize + PreauthDataSize; // 8-aligned context 1
            end += SmbWriter.Padding8(end) + NegotiateContexts.ContextHeaderSize + EncryptionDataSize; // context 2
            end += SmbWriter.Padding8(end) + NegotiateContexts.ContextHeaderSize + SigningDataSize; // context 3
            return end - SmbHeader.Size;
        }
    }

    public void WriteBody(Span<byte> body)
    {
        var w = new SmbWriter(body);
        var contexts = HasContexts;
        w.UInt16(36); // StructureSize
        w.UInt16((ushort)Dialects.Length); // DialectCount
        w.UInt16((ushort)SecurityMode);
        w.UInt16(0); // Reserved
        w.UInt32((uint)Capabilities);
        Span<byte> guid = stackalloc byte[16];
        ClientGuid.TryWriteBytes(guid);
        w.Bytes(guid);
        var contextsOffset = DialectsEnd + SmbWriter.Padding8(DialectsEnd);
        w.UInt32(contexts ? (uint)contextsOffset : 0); // NegotiateContextOffset
        w.UInt16(contexts ? (ushort)3 : (ushort)0); // NegotiateContextCount
        w.UInt16(0); // Reserved2
        foreach (var dialect in Dialects)
        {
            w.UInt16((ushort)dialect);
        }
        if (contexts)
        {
            w.Align8();
            NegotiateContexts.WriteHeader(ref w, NegotiateContexts.PreauthIntegrityCapabilities, PreauthDataSize);
            w.UInt16(1); // HashAlgorithmCount
            w.UInt16(NegotiateContexts.SaltSize); // SaltLength
            w.UInt16(NegotiateContexts.HashSha512);
            w.Bytes(Salt.AsSpan(0, NegotiateContexts.SaltSize));

            w.Align8();
            NegotiateContexts.WriteHeader(ref w, NegotiateContexts.EncryptionCapabilities, EncryptionDataSize);
            w.UInt16((ushort)Ciphers.Length);
            foreach (var cipher in Ciphers)
            {
                w.UInt16((ushort)cipher);
            }

            w.Align8();
            NegotiateContexts.WriteHeader(ref w, NegotiateContexts.SigningCapabilities, SigningDataSize);
            w.UInt16((ushort)SigningAlgorithms.Length);
            foreach (var algorithm in SigningAlgorithms)
            {
                w.UInt16((ushort)algorithm);
            }
        }
        w.AssertWritten(BodySize);
    }
}
