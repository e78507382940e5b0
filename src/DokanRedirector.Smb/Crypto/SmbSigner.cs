// MS-SMB2 3.1.4.1 (Signing An Outgoing Message) and 3.1.5.1 (Verifying An Incoming Message).
using System.Buffers.Binary;
using System.Security.Cryptography;
using DokanRedirector.Smb.Messages;

namespace DokanRedirector.Smb.Crypto;

/// <summary>
/// Signs and verifies single SMB2 messages in place. For a compound, pass each message slice separately,
/// including its padding up to the next NextCommand offset. Thread-safe: the send path and the receive loop
/// may share one instance.
/// </summary>
public abstract class SmbSigner : IDisposable
{
    // The header layout is SmbHeader's (MS-SMB2 2.2.1).
    private protected const int HeaderSize = SmbHeader.Size;
    private protected const int FlagsOffset = SmbHeader.FlagsOffset;
    private protected const int SignatureOffset = SmbHeader.SignatureOffset;
    private protected const int SignatureSize = SmbHeader.SignatureSize;

    private bool _disposed;

    private protected SmbSigner(SmbSigningAlgorithm algorithm) => Algorithm = algorithm;

    /// <summary>The algorithm this signer implements.</summary>
    public SmbSigningAlgorithm Algorithm { get; }

    /// <summary>
    /// Creates a signer. The key is the session's (or channel's) SigningKey: for 2.x the session key itself,
    /// for 3.x the KDF output (<see cref="SmbSessionKeys.SigningKey"/>). The key is copied.
    /// </summary>
    public static SmbSigner Create(SmbSigningAlgorithm algorithm, ReadOnlySpan<byte> key) => algorithm switch
    {
        SmbSigningAlgorithm.HmacSha256 => new HmacSha256SmbSigner(key),
        SmbSigningAlgorithm.AesCmac => new AesCmacSmbSigner(key),
        SmbSigningAlgorithm.AesGmac => new AesGmacSmbSigner(key),
        _ => throw new ArgumentOutOfRangeException(nameof(algorithm), algorithm, "unknown SMB signing algorithm"),
    };

    /// <summary>
    /// Sets SMB2_FLAGS_SIGNED, zeroes the Signature field, and writes the signature of the whole
    /// <paramref name="message"/> (header and body, with any compound padding) into it.
    /// </summary>
    public void Sign(Span<byte> message)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        CheckHeader(message);
        Span<byte> flags = message.Slice(FlagsOffset, 4);
        BinaryPrimitives.WriteUInt32LittleEndian(flags, BinaryPrimitives.ReadUInt32LittleEndian(flags) | (uint)SmbHeaderFlags.Signed);

        Span<byte> signature = message.Slice(SignatureOffset, SignatureSize);
        signature.Clear();
        Span<byte> computed = stackalloc byte[SignatureSize];
        ComputeSignature(message, computed);
        computed.CopyTo(signature);
    }

    /// <summary>
    /// True when the Signature field matches the message (compared in constant time). The field is zeroed while
    /// computing and restored before returning, whatever the outcome. A message shorter than the header is false.
    /// The caller decides whether a message must be signed (SMB2_FLAGS_SIGNED); this only checks the signature.
    /// </summary>
    public bool Verify(Span<byte> message)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (message.Length < HeaderSize || !HasSmb2ProtocolId(message))
        {
            return false;
        }

        Span<byte> signature = message.Slice(SignatureOffset, SignatureSize);
        Span<byte> received = stackalloc byte[SignatureSize];
        Span<byte> computed = stackalloc byte[SignatureSize];
        signature.CopyTo(received);
        signature.Clear();
        try
        {
            ComputeSignature(message, computed);
        }
        finally
        {
            received.CopyTo(signature);
        }

        return CryptographicOperations.FixedTimeEquals(received, computed);
    }

    /// <summary>Computes the 16-byte signature of <paramref name="message"/>, whose Signature field is zero.
    /// Must be thread-safe.</summary>
    private protected abstract void ComputeSignature(ReadOnlySpan<byte> message, Span<byte> signature);

    /// <summary>Releases and wipes the key.</summary>
    protected virtual void Dispose(bool disposing) => _disposed = true;

    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    private static bool HasSmb2ProtocolId(ReadOnlySpan<byte> message) =>
        BinaryPrimitives.ReadUInt32LittleEndian(message) == SmbHeader.ProtocolId;

    private static void CheckHeader(ReadOnlySpan<byte> message)
    {
        if (message.Length < HeaderSize || !HasSmb2ProtocolId(message))
        {
            throw new ArgumentException("Not an SMB2 message: shorter than 64 bytes or no 0xFE 'SMB' ProtocolId.", nameof(message));
        }
    }
}

/// <summary>2.0.2 and 2.1: the first 16 bytes of HMAC-SHA256(SessionKey, message).</summary>
internal sealed class HmacSha256SmbSigner : SmbSigner
{
    private readonly byte[] _key;

    public HmacSha256SmbSigner(ReadOnlySpan<byte> key)
        : base(SmbSigningAlgorithm.HmacSha256)
    {
        if (key.IsEmpty)
        {
            throw new ArgumentException("The signing key is empty.", nameof(key));
        }

        _key = key.ToArray();
    }

    private protected override void ComputeSignature(ReadOnlySpan<byte> message, Span<byte> signature)
    {
        Span<byte> mac = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(_key, message, mac);
        mac[..SignatureSize].CopyTo(signature);
        CryptographicOperations.ZeroMemory(mac);
    }

    protected override void Dispose(bool disposing)
    {
        CryptographicOperations.ZeroMemory(_key);
        base.Dispose(disposing);
    }
}

/// <summary>3.0, 3.0.2, and 3.1.1 by default: AES-128-CMAC(SigningKey, message).</summary>
internal sealed class AesCmacSmbSigner : SmbSigner
{
    private readonly byte[] _key;
    private AesCmac? _idle; // one cached instance; concurrent callers create their own

    public AesCmacSmbSigner(ReadOnlySpan<byte> key)
        : base(SmbSigningAlgorithm.AesCmac)
    {
        if (key.Length != 16)
        {
            throw new ArgumentException("An AES-128-CMAC signing key is 16 bytes.", nameof(key));
        }

        _key = key.ToArray();
    }

    private protected override void ComputeSignature(ReadOnlySpan<byte> message, Span<byte> signature)
    {
        AesCmac cmac = Interlocked.Exchange(ref _idle, null) ?? new AesCmac(_key);
        cmac.AppendData(message);
        cmac.GetTag(signature);
        if (Interlocked.CompareExchange(ref _idle, cmac, null) is not null)
        {
            cmac.Dispose();
        }
    }

    protected override void Dispose(bool disposing)
    {
        Interlocked.Exchange(ref _idle, null)?.Dispose();
        CryptographicOperations.ZeroMemory(_key);
        base.Dispose(disposing);
    }
}

/// <summary>
/// 3.1.1 with SMB2_SIGNING_CAPABILITIES AES-GMAC: AES-128-GCM with an empty plaintext and the whole message as
/// additional data; the 16-byte tag is the signature.
/// </summary>
/// <remarks>
/// The 12-byte nonce (MS-SMB2 3.1.4.1): bytes 0..7 are the MessageId (little-endian, as on the wire); bytes
/// 8..11 are a little-endian 32-bit word whose least significant bit (bit 0 of byte 8) is the role, 0 for a
/// client and 1 for a server sender (taken from SMB2_FLAGS_SERVER_TO_REDIR of the message itself), whose
/// next bit (bit 1 of byte 8) is 1 for an SMB2 CANCEL request, and whose other 30 bits are zero.
/// </remarks>
internal sealed class AesGmacSmbSigner : SmbSigner
{
    internal const int NonceSize = 12;

    private readonly byte[] _key;
    private AesGcm? _idle;

    public AesGmacSmbSigner(ReadOnlySpan<byte> key)
        : base(SmbSigningAlgorithm.AesGmac)
    {
        if (key.Length != 16)
        {
            throw new ArgumentException("An AES-128-GMAC signing key is 16 bytes.", nameof(key));
        }

        _key = key.ToArray();
    }

    internal static void BuildNonce(ReadOnlySpan<byte> message, Span<byte> nonce)
    {
        message.Slice(SmbHeader.MessageIdOffset, 8).CopyTo(nonce);
        uint flags = BinaryPrimitives.ReadUInt32LittleEndian(message[FlagsOffset..]);
        ushort command = BinaryPrimitives.ReadUInt16LittleEndian(message[SmbHeader.CommandOffset..]);
        uint word = 0;
        if ((flags & (uint)SmbHeaderFlags.ServerToRedir) != 0)
        {
            word |= 0x1;
        }
        else if (command == (ushort)SmbCommand.Cancel)
        {
            word |= 0x2;
        }

        BinaryPrimitives.WriteUInt32LittleEndian(nonce[8..], word);
    }

    private protected override void ComputeSignature(ReadOnlySpan<byte> message, Span<byte> signature)
    {
        Span<byte> nonce = stackalloc byte[NonceSize];
        BuildNonce(message, nonce);
        AesGcm gcm = Interlocked.Exchange(ref _idle, null) ?? new AesGcm(_key, SignatureSize);
        gcm.Encrypt(nonce, ReadOnlySpan<byte>.Empty, Span<byte>.Empty, signature[..SignatureSize], message);
        if (Interlocked.CompareExchange(ref _idle, gcm, null) is not null)
        {
            gcm.Dispose();
        }
    }

    protected override void Dispose(bool disposing)
    {
        Interlocked.Exchange(ref _idle, null)?.Dispose();
        CryptographicOperations.ZeroMemory(_key);
        base.Dispose(disposing);
    }
}
