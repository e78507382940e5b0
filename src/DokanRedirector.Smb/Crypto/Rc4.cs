// RC4 (the "ARCFOUR" stream cipher; test vectors in RFC 6229). Needed for NTLM key exchange and the
// sealed NTLM checksum (MS-NLMP 3.4.3, 3.4.4.2); .NET has no RC4.
using System.Security.Cryptography;

namespace DokanRedirector.Smb.Crypto;

/// <summary>
/// An RC4 key stream. Stateful: each <see cref="Transform(ReadOnlySpan{byte}, Span{byte})"/> continues the
/// stream where the previous one stopped, which is what an NTLM sealing handle needs. Not thread-safe.
/// </summary>
public sealed class Rc4 : IDisposable
{
    private readonly byte[] _s = new byte[256];
    private int _i;
    private int _j;
    private bool _disposed;

    /// <summary>Creates the key schedule for a 1..256-byte <paramref name="key"/>.</summary>
    public Rc4(ReadOnlySpan<byte> key)
    {
        if (key.IsEmpty || key.Length > 256)
        {
            throw new ArgumentException("An RC4 key is 1 to 256 bytes long.", nameof(key));
        }

        for (int i = 0; i < 256; i++)
        {
            _s[i] = (byte)i;
        }

        int j = 0;
        for (int i = 0; i < 256; i++)
        {
            j = (j + _s[i] + key[i % key.Length]) & 0xFF;
            (_s[i], _s[j]) = (_s[j], _s[i]);
        }
    }

    /// <summary>One-shot: XORs <paramref name="input"/> with the key stream of a fresh <paramref name="key"/>.</summary>
    public static void Transform(ReadOnlySpan<byte> key, ReadOnlySpan<byte> input, Span<byte> output)
    {
        using var rc4 = new Rc4(key);
        rc4.Transform(input, output);
    }

    /// <summary>XORs <paramref name="input"/> with the next bytes of the key stream into <paramref name="output"/>
    /// (the two may be the same memory).</summary>
    public void Transform(ReadOnlySpan<byte> input, Span<byte> output)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (output.Length < input.Length)
        {
            throw new ArgumentException("The output is shorter than the input.", nameof(output));
        }

        byte[] s = _s;
        int i = _i, j = _j;
        for (int n = 0; n < input.Length; n++)
        {
            i = (i + 1) & 0xFF;
            j = (j + s[i]) & 0xFF;
            (s[i], s[j]) = (s[j], s[i]);
            output[n] = (byte)(input[n] ^ s[(s[i] + s[j]) & 0xFF]);
        }

        _i = i;
        _j = j;
    }

    /// <summary>Transforms <paramref name="data"/> in place.</summary>
    public void Transform(Span<byte> data) => Transform(data, data);

    /// <summary>Wipes the key schedule.</summary>
    public void Dispose()
    {
        CryptographicOperations.ZeroMemory(_s);
        _i = _j = 0;
        _disposed = true;
    }
}
