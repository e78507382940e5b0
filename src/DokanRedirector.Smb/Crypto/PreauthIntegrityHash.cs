// MS-SMB2 3.2.5.2 / 3.2.5.3.1 (client) and 3.3.5.4 (server): the SMB 3.1.1 pre-authentication integrity hash.
using System.Security.Cryptography;

namespace DokanRedirector.Smb.Crypto;

/// <summary>
/// The SHA-512 running hash H = SHA-512(H || message), starting from 64 zero bytes. The connection folds in
/// NEGOTIATE request and response; each session starts from a <see cref="Clone"/> of the connection's value
/// and folds in every SESSION_SETUP request and every STATUS_MORE_PROCESSING_REQUIRED response (not the final
/// STATUS_SUCCESS one). The result is the KDF context of the 3.1.1 keys. Not thread-safe.
/// </summary>
public sealed class PreauthIntegrityHash : IDisposable
{
    /// <summary>The length of the hash value in bytes.</summary>
    public const int HashSizeInBytes = 64;

    private readonly byte[] _value = new byte[HashSizeInBytes];
    private readonly IncrementalHash _sha512 = IncrementalHash.CreateHash(HashAlgorithmName.SHA512);
    private bool _disposed;

    /// <summary>Starts from 64 zero bytes.</summary>
    public PreauthIntegrityHash()
    {
    }

    /// <summary>Starts from <paramref name="initialValue"/> (64 bytes).</summary>
    public PreauthIntegrityHash(ReadOnlySpan<byte> initialValue)
    {
        if (initialValue.Length != HashSizeInBytes)
        {
            throw new ArgumentException("A preauth integrity hash value is 64 bytes.", nameof(initialValue));
        }

        initialValue.CopyTo(_value);
    }

    /// <summary>The current value (64 bytes). Valid until the next <see cref="Update"/>.</summary>
    public ReadOnlySpan<byte> Value
    {
        get
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return _value;
        }
    }

    /// <summary>H = SHA-512(H || <paramref name="message"/>), where the message is a whole SMB2 message from
    /// its ProtocolId on (no NetBIOS/Direct TCP framing).</summary>
    public void Update(ReadOnlySpan<byte> message)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        _sha512.AppendData(_value);
        _sha512.AppendData(message);
        _sha512.GetHashAndReset(_value);
    }

    /// <summary>A copy that evolves independently (a session forks the connection's hash).</summary>
    public PreauthIntegrityHash Clone() => new(Value);

    public void Dispose()
    {
        if (!_disposed)
        {
            _disposed = true;
            CryptographicOperations.ZeroMemory(_value);
            _sha512.Dispose();
        }
    }
}
