// MS-SMB2 2.2.41 (SMB2 TRANSFORM_HEADER), 3.1.4.3 (Encrypting the Message), 3.2.5.1.1 (Decrypting the Message).
using System.Buffers.Binary;
using System.Security.Cryptography;

namespace DokanRedirector.Smb.Crypto;

/// <summary>
/// Encrypts and decrypts SMB2 messages of one session with AES-128/256-CCM or -GCM.
/// </summary>
/// <remarks>
/// <para>Wire layout (52 bytes, then the ciphertext): ProtocolId 0xFD 'S' 'M' 'B' (4), Signature = AEAD tag (16),
/// Nonce (16: 11 bytes used for CCM, 12 for GCM, the rest zero), OriginalMessageSize (4), Reserved (2),
/// Flags/EncryptionAlgorithm = 0x0001 (2), SessionId (8). The additional authenticated data is the header from
/// the Nonce on (bytes 20..51).</para>
/// <para>Nonces: a 64-bit counter, started at a random value and incremented per message, in the first 8 bytes,
/// followed by a per-instance random salt filling the rest of the used nonce (3 bytes for CCM, 4 for GCM).
/// A nonce therefore never repeats within an instance; to keep it unique across the channels of a session
/// (which share the keys), share one instance per session. The random start and salt make a collision between
/// two instances under one key negligible even if that advice is ignored.</para>
/// <para>Errors: a bad incoming message (short, wrong ProtocolId, wrong algorithm flag, size mismatch, another
/// session, failed authentication) raises <see cref="SmbProtocolException"/>; it breaks the connection.
/// Misuse (a too-small destination) raises <see cref="ArgumentException"/>. Thread-safe.</para>
/// </remarks>
public sealed class SmbTransform : IDisposable
{
    /// <summary>The TRANSFORM_HEADER length.</summary>
    public const int HeaderSize = 52;

    private const int SignatureOffset = 4;
    private const int NonceOffset = 20;
    private const int NonceFieldSize = 16;
    private const int OriginalMessageSizeOffset = 36;
    private const int FlagsOffset = 42;
    private const int SessionIdOffset = 44;
    private const int AadOffset = NonceOffset; // AAD = header from the Nonce on
    private const int TagSize = 16;
    private const ushort FlagEncrypted = 0x0001;

    private readonly SmbCipher _cipher;
    private readonly ulong _sessionId;
    private readonly int _nonceSize;
    private readonly byte[] _salt;
    private readonly object _encryptLock = new();
    private readonly object _decryptLock = new();
    private readonly AesGcm? _encryptGcm, _decryptGcm;
    private readonly AesCcm? _encryptCcm, _decryptCcm;
    private long _counter;
    private bool _disposed;

    /// <summary>
    /// Creates the transform of session <paramref name="sessionId"/>: <paramref name="encryptionKey"/> encrypts
    /// client-to-server, <paramref name="decryptionKey"/> decrypts server-to-client
    /// (<see cref="SmbSessionKeys.EncryptionKey"/> and <see cref="SmbSessionKeys.DecryptionKey"/>).
    /// </summary>
    public SmbTransform(SmbCipher cipher, ReadOnlySpan<byte> encryptionKey, ReadOnlySpan<byte> decryptionKey, ulong sessionId)
    {
        if (cipher == SmbCipher.None)
        {
            throw new ArgumentException("No cipher was negotiated.", nameof(cipher));
        }

        int keySize = cipher.KeySize();
        if (encryptionKey.Length != keySize || decryptionKey.Length != keySize)
        {
            throw new ArgumentException($"{cipher} needs {keySize}-byte keys.", nameof(encryptionKey));
        }

        _cipher = cipher;
        _sessionId = sessionId;
        if (cipher.IsGcm())
        {
            _nonceSize = 12;
            _encryptGcm = new AesGcm(encryptionKey, TagSize);
            _decryptGcm = new AesGcm(decryptionKey, TagSize);
        }
        else
        {
            _nonceSize = 11;
            _encryptCcm = new AesCcm(encryptionKey);
            _decryptCcm = new AesCcm(decryptionKey);
        }

        _salt = RandomNumberGenerator.GetBytes(_nonceSize - 8);
        _counter = BinaryPrimitives.ReadInt64LittleEndian(RandomNumberGenerator.GetBytes(8));
    }

    /// <summary>The negotiated cipher.</summary>
    public SmbCipher Cipher => _cipher;

    /// <summary>The session whose messages this instance handles.</summary>
    public ulong SessionId => _sessionId;

    /// <summary>True when <paramref name="message"/> starts with the TRANSFORM_HEADER ProtocolId 0xFD 'S' 'M' 'B'.</summary>
    public static bool IsTransformMessage(ReadOnlySpan<byte> message) =>
        message.Length >= 4 && message[0] == 0xFD && message[1] == (byte)'S' && message[2] == (byte)'M' && message[3] == (byte)'B';

    /// <summary>Reads the SessionId of a transform message, so the receive loop can find the session's
    /// instance. False when the message is too short or not a transform message.</summary>
    public static bool TryReadSessionId(ReadOnlySpan<byte> message, out ulong sessionId)
    {
        if (message.Length < HeaderSize || !IsTransformMessage(message))
        {
            sessionId = 0;
            return false;
        }

        sessionId = BinaryPrimitives.ReadUInt64LittleEndian(message[SessionIdOffset..]);
        return true;
    }

    /// <summary>The length of the transform message for a plaintext of <paramref name="messageLength"/> bytes.</summary>
    public static int GetEncryptedLength(int messageLength) => HeaderSize + messageLength;

    /// <summary>
    /// Writes TRANSFORM_HEADER + ciphertext of <paramref name="message"/> (one SMB2 message or a whole compound)
    /// to <paramref name="destination"/>. Returns the bytes written. The two must not overlap, except that the
    /// message may sit exactly at <c>destination[52..]</c> (encrypt in place behind a reserved header gap).
    /// </summary>
    public int Encrypt(ReadOnlySpan<byte> message, Span<byte> destination)
    {
        Span<byte> nonce = stackalloc byte[NonceFieldSize];
        nonce.Clear();
        BinaryPrimitives.WriteInt64LittleEndian(nonce, Interlocked.Increment(ref _counter));
        _salt.CopyTo(nonce[8..]);
        return Encrypt(message, destination, nonce);
    }

    /// <summary>Encrypts with an explicit 16-byte Nonce field (known-answer tests only).</summary>
    internal int Encrypt(ReadOnlySpan<byte> message, Span<byte> destination, ReadOnlySpan<byte> nonceField)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (message.IsEmpty)
        {
            throw new ArgumentException("The message is empty.", nameof(message));
        }

        int total = GetEncryptedLength(message.Length);
        if (destination.Length < total)
        {
            throw new ArgumentException($"The destination needs {total} bytes.", nameof(destination));
        }

        Span<byte> header = destination[..HeaderSize];
        header.Clear();
        header[0] = 0xFD;
        header[1] = (byte)'S';
        header[2] = (byte)'M';
        header[3] = (byte)'B';
        nonceField[..NonceFieldSize].CopyTo(header[NonceOffset..]);
        BinaryPrimitives.WriteUInt32LittleEndian(header[OriginalMessageSizeOffset..], (uint)message.Length);
        BinaryPrimitives.WriteUInt16LittleEndian(header[FlagsOffset..], FlagEncrypted);
        BinaryPrimitives.WriteUInt64LittleEndian(header[SessionIdOffset..], _sessionId);

        ReadOnlySpan<byte> nonce = header.Slice(NonceOffset, _nonceSize);
        ReadOnlySpan<byte> aad = header[AadOffset..];
        Span<byte> tag = header.Slice(SignatureOffset, TagSize);
        Span<byte> ciphertext = destination.Slice(HeaderSize, message.Length);
        lock (_encryptLock)
        {
            if (_encryptGcm is not null)
            {
                _encryptGcm.Encrypt(nonce, message, ciphertext, tag, aad);
            }
            else
            {
                _encryptCcm!.Encrypt(nonce, message, ciphertext, tag, aad);
            }
        }

        return total;
    }

    /// <summary>
    /// Authenticates and decrypts a transform message into <paramref name="destination"/> (at least
    /// OriginalMessageSize bytes) and returns the plaintext length. The destination must not overlap the message,
    /// except that it may be exactly <c>transformMessage[52..]</c> (decrypt in place). Throws
    /// <see cref="SmbProtocolException"/> for anything that is not a valid message of this session.
    /// </summary>
    public int Decrypt(ReadOnlySpan<byte> transformMessage, Span<byte> destination)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (transformMessage.Length < HeaderSize)
        {
            throw new SmbProtocolException($"Encrypted message of {transformMessage.Length} bytes is shorter than the 52-byte TRANSFORM_HEADER.");
        }

        if (!IsTransformMessage(transformMessage))
        {
            throw new SmbProtocolException("Encrypted message does not start with the 0xFD 'SMB' ProtocolId.");
        }

        ushort flags = BinaryPrimitives.ReadUInt16LittleEndian(transformMessage[FlagsOffset..]);
        if (flags != FlagEncrypted)
        {
            throw new SmbProtocolException($"TRANSFORM_HEADER Flags/EncryptionAlgorithm is 0x{flags:X4}, not 0x0001.");
        }

        ulong sessionId = BinaryPrimitives.ReadUInt64LittleEndian(transformMessage[SessionIdOffset..]);
        if (sessionId != _sessionId)
        {
            throw new SmbProtocolException($"Encrypted message is for session 0x{sessionId:X}, not 0x{_sessionId:X}.");
        }

        uint originalSize = BinaryPrimitives.ReadUInt32LittleEndian(transformMessage[OriginalMessageSizeOffset..]);
        int ciphertextLength = transformMessage.Length - HeaderSize;
        if (originalSize == 0 || originalSize != (uint)ciphertextLength)
        {
            throw new SmbProtocolException(
                $"TRANSFORM_HEADER OriginalMessageSize {originalSize} does not match the {ciphertextLength} encrypted bytes.");
        }

        if (destination.Length < ciphertextLength)
        {
            throw new ArgumentException($"The destination needs {ciphertextLength} bytes.", nameof(destination));
        }

        ReadOnlySpan<byte> nonce = transformMessage.Slice(NonceOffset, _nonceSize);
        ReadOnlySpan<byte> aad = transformMessage[AadOffset..HeaderSize];
        ReadOnlySpan<byte> tag = transformMessage.Slice(SignatureOffset, TagSize);
        ReadOnlySpan<byte> ciphertext = transformMessage[HeaderSize..];
        Span<byte> plaintext = destination[..ciphertextLength];
        try
        {
            lock (_decryptLock)
            {
                if (_decryptGcm is not null)
                {
                    _decryptGcm.Decrypt(nonce, ciphertext, tag, plaintext, aad);
                }
                else
                {
                    _decryptCcm!.Decrypt(nonce, ciphertext, tag, plaintext, aad);
                }
            }
        }
        catch (AuthenticationTagMismatchException ex)
        {
            // .NET already cleared the plaintext.
            throw new SmbProtocolException($"Encrypted message of session 0x{_sessionId:X} failed {_cipher} authentication.", ex);
        }

        return ciphertextLength;
    }

    /// <summary>Releases the keys.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _encryptGcm?.Dispose();
        _decryptGcm?.Dispose();
        _encryptCcm?.Dispose();
        _decryptCcm?.Dispose();
    }
}
