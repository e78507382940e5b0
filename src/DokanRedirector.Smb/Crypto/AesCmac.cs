// RFC 4493: The AES-CMAC Algorithm. SMB 3.x signs with it (MS-SMB2 3.1.4.1); .NET has no CMAC.
using System.Security.Cryptography;

namespace DokanRedirector.Smb.Crypto;

/// <summary>
/// Incremental AES-CMAC (RFC 4493): <see cref="AppendData"/> any number of times, then <see cref="GetTag"/>,
/// which also resets for the next message. Whole blocks are chained through one AES-CBC call per chunk,
/// so signing a multi-megabyte WRITE costs about one CBC pass. Not thread-safe.
/// </summary>
public sealed class AesCmac : IDisposable
{
    /// <summary>The tag (and block) length in bytes.</summary>
    public const int TagSizeInBytes = 16;

    private const int BlockSize = 16;
    private const int ChunkSize = 4096;

    private readonly Aes _aes;
    private readonly byte[] _k1 = new byte[BlockSize];
    private readonly byte[] _k2 = new byte[BlockSize];
    private readonly byte[] _x = new byte[BlockSize];       // the CBC chaining value
    private readonly byte[] _pending = new byte[BlockSize]; // held back: the last block is special
    private int _pendingCount;
    private byte[]? _scratch;
    private bool _disposed;

    /// <summary>Creates a CMAC with a 16-, 24- or 32-byte AES <paramref name="key"/> (SMB uses 16).</summary>
    public AesCmac(ReadOnlySpan<byte> key)
    {
        if (key.Length is not (16 or 24 or 32))
        {
            throw new ArgumentException("An AES key is 16, 24 or 32 bytes long.", nameof(key));
        }

        _aes = Aes.Create();
        _aes.SetKey(key);

        // RFC 4493 2.3 Generate_Subkey: L = AES-K(0^128); K1 = L << 1 (xor Rb if msb(L)); K2 = K1 << 1 (same).
        Span<byte> l = stackalloc byte[BlockSize];
        l.Clear();
        _aes.EncryptEcb(l, l, PaddingMode.None);
        Double(l, _k1);
        Double(_k1, _k2);
        CryptographicOperations.ZeroMemory(l);
    }

    /// <summary>Adds <paramref name="data"/> to the message being authenticated.</summary>
    public void AppendData(ReadOnlySpan<byte> data)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_pendingCount + data.Length <= BlockSize)
        {
            data.CopyTo(_pending.AsSpan(_pendingCount));
            _pendingCount += data.Length;
            return;
        }

        // There is more than one block's worth: the pending block is not the last one, so chain it.
        if (_pendingCount > 0)
        {
            int fill = BlockSize - _pendingCount;
            data[..fill].CopyTo(_pending.AsSpan(_pendingCount));
            data = data[fill..];
            ChainBlock(_pending);
            _pendingCount = 0;
        }

        // Chain every whole block except the last (possibly whole) one, which stays pending.
        int bulk = (data.Length - 1) / BlockSize * BlockSize;
        if (bulk > 0)
        {
            ChainBlocks(data[..bulk]);
            data = data[bulk..];
        }

        data.CopyTo(_pending);
        _pendingCount = data.Length;
    }

    /// <summary>Writes the 16-byte tag of everything appended since the last reset, then resets.</summary>
    public void GetTag(Span<byte> destination)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (destination.Length < TagSizeInBytes)
        {
            throw new ArgumentException("The destination is shorter than 16 bytes.", nameof(destination));
        }

        // RFC 4493 2.4 steps 3-6: a complete last block is xored with K1; an incomplete (or empty) one is
        // padded with 10..0 and xored with K2.
        byte[] subkey = _k1;
        if (_pendingCount < BlockSize)
        {
            _pending[_pendingCount] = 0x80;
            _pending.AsSpan(_pendingCount + 1).Clear();
            subkey = _k2;
        }

        for (int i = 0; i < BlockSize; i++)
        {
            _x[i] ^= (byte)(_pending[i] ^ subkey[i]);
        }

        _aes.EncryptEcb(_x, destination[..TagSizeInBytes], PaddingMode.None);
        Reset();
    }

    /// <summary>Returns the tag of everything appended since the last reset, then resets.</summary>
    public byte[] GetTag()
    {
        var tag = new byte[TagSizeInBytes];
        GetTag(tag);
        return tag;
    }

    /// <summary>Discards appended data; the key stays.</summary>
    public void Reset()
    {
        CryptographicOperations.ZeroMemory(_x);
        CryptographicOperations.ZeroMemory(_pending);
        _pendingCount = 0;
    }

    /// <summary>One-shot CMAC of <paramref name="data"/> under <paramref name="key"/>.</summary>
    public static void HashData(ReadOnlySpan<byte> key, ReadOnlySpan<byte> data, Span<byte> destination)
    {
        using var cmac = new AesCmac(key);
        cmac.AppendData(data);
        cmac.GetTag(destination);
    }

    /// <summary>Wipes the subkeys and state and releases the AES key.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        CryptographicOperations.ZeroMemory(_k1);
        CryptographicOperations.ZeroMemory(_k2);
        CryptographicOperations.ZeroMemory(_x);
        CryptographicOperations.ZeroMemory(_pending);
        if (_scratch is not null)
        {
            CryptographicOperations.ZeroMemory(_scratch);
        }

        _aes.Dispose();
    }

    private void ChainBlock(ReadOnlySpan<byte> block)
    {
        for (int i = 0; i < BlockSize; i++)
        {
            _x[i] ^= block[i];
        }

        _aes.EncryptEcb(_x, _x, PaddingMode.None);
    }

    // CBC-encrypting whole blocks with IV = X leaves the new X in the last ciphertext block.
    private void ChainBlocks(ReadOnlySpan<byte> blocks)
    {
        if (blocks.Length == BlockSize)
        {
            ChainBlock(blocks);
            return;
        }

        _scratch ??= new byte[ChunkSize];
        while (!blocks.IsEmpty)
        {
            int n = Math.Min(blocks.Length, ChunkSize);
            _aes.EncryptCbc(blocks[..n], _x, _scratch.AsSpan(0, n), PaddingMode.None);
            _scratch.AsSpan(n - BlockSize, BlockSize).CopyTo(_x);
            blocks = blocks[n..];
        }
    }

    private static void Double(ReadOnlySpan<byte> input, Span<byte> output)
    {
        // Left shift by one bit of a 128-bit big-endian value; xor Rb = 0x87 when the top bit fell off.
        byte carry = (byte)(input[0] >> 7);
        for (int i = 0; i < BlockSize - 1; i++)
        {
            output[i] = (byte)((input[i] << 1) | (input[i + 1] >> 7));
        }

        output[BlockSize - 1] = (byte)(input[BlockSize - 1] << 1);
        output[BlockSize - 1] ^= (byte)(0x87 & -carry);
    }
}
