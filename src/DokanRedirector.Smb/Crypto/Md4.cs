// RFC 1320: The MD4 Message-Digest Algorithm. Needed only for NTOWF (MS-NLMP 3.3.1); .NET has no MD4.
using System.Buffers.Binary;
using System.Numerics;
using System.Security.Cryptography;

namespace DokanRedirector.Smb.Crypto;

/// <summary>MD4 (RFC 1320), one-shot. Broken as a hash; used only because NTLM's NTOWF is defined on it.</summary>
public static class Md4
{
    /// <summary>The digest length in bytes.</summary>
    public const int HashSizeInBytes = 16;

    /// <summary>Returns MD4(<paramref name="source"/>).</summary>
    public static byte[] HashData(ReadOnlySpan<byte> source)
    {
        var hash = new byte[HashSizeInBytes];
        HashData(source, hash);
        return hash;
    }

    /// <summary>Writes MD4(<paramref name="source"/>) to the first 16 bytes of <paramref name="destination"/>.</summary>
    public static void HashData(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        if (destination.Length < HashSizeInBytes)
        {
            throw new ArgumentException("The destination is shorter than 16 bytes.", nameof(destination));
        }

        Span<uint> state = [0x67452301u, 0xefcdab89u, 0x98badcfeu, 0x10325476u];
        Span<uint> x = stackalloc uint[16];

        int whole = source.Length & ~63;
        for (int offset = 0; offset < whole; offset += 64)
        {
            Compress(state, source.Slice(offset, 64), x);
        }

        // Padding (RFC 1320 3.1-3.2): 0x80, zeros to 56 mod 64, then the bit length as 64-bit little-endian.
        Span<byte> tail = stackalloc byte[128];
        tail.Clear();
        int rest = source.Length - whole;
        source[whole..].CopyTo(tail);
        tail[rest] = 0x80;
        int tailLength = rest < 56 ? 64 : 128;
        BinaryPrimitives.WriteUInt64LittleEndian(tail[(tailLength - 8)..], (ulong)source.Length * 8);
        for (int offset = 0; offset < tailLength; offset += 64)
        {
            Compress(state, tail.Slice(offset, 64), x);
        }

        for (int i = 0; i < 4; i++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(destination[(i * 4)..], state[i]);
        }

        // The tail and the schedule hold password material when hashing a password.
        CryptographicOperations.ZeroMemory(tail);
        CryptographicOperations.ZeroMemory(System.Runtime.InteropServices.MemoryMarshal.AsBytes(x));
    }

    private static void Compress(Span<uint> state, ReadOnlySpan<byte> block, Span<uint> x)
    {
        for (int i = 0; i < 16; i++)
        {
            x[i] = BinaryPrimitives.ReadUInt32LittleEndian(block[(i * 4)..]);
        }

        uint a = state[0], b = state[1], c = state[2], d = state[3];

        // Round 1: F(x,y,z) = xy v not(x)z; shifts 3, 7, 11, 19.
        for (int i = 0; i < 16; i += 4)
        {
            a = BitOperations.RotateLeft(a + ((b & c) | (~b & d)) + x[i], 3);
            d = BitOperations.RotateLeft(d + ((a & b) | (~a & c)) + x[i + 1], 7);
            c = BitOperations.RotateLeft(c + ((d & a) | (~d & b)) + x[i + 2], 11);
            b = BitOperations.RotateLeft(b + ((c & d) | (~c & a)) + x[i + 3], 19);
        }

        // Round 2: G(x,y,z) = xy v xz v yz, constant 0x5A827999; word order 0,4,8,12 / 1,5,9,13 ...; shifts 3, 5, 9, 13.
        for (int i = 0; i < 4; i++)
        {
            a = BitOperations.RotateLeft(a + ((b & c) | (b & d) | (c & d)) + x[i] + 0x5A827999u, 3);
            d = BitOperations.RotateLeft(d + ((a & b) | (a & c) | (b & c)) + x[i + 4] + 0x5A827999u, 5);
            c = BitOperations.RotateLeft(c + ((d & a) | (d & b) | (a & b)) + x[i + 8] + 0x5A827999u, 9);
            b = BitOperations.RotateLeft(b + ((c & d) | (c & a) | (d & a)) + x[i + 12] + 0x5A827999u, 13);
        }

        // Round 3: H(x,y,z) = x xor y xor z, constant 0x6ED9EBA1; word order 0,8,4,12,2,10,6,14,...; shifts 3, 9, 11, 15.
        ReadOnlySpan<int> order = [0, 2, 1, 3];
        for (int j = 0; j < 4; j++)
        {
            int i = order[j];
            a = BitOperations.RotateLeft(a + (b ^ c ^ d) + x[i] + 0x6ED9EBA1u, 3);
            d = BitOperations.RotateLeft(d + (a ^ b ^ c) + x[i + 8] + 0x6ED9EBA1u, 9);
            c = BitOperations.RotateLeft(c + (d ^ a ^ b) + x[i + 4] + 0x6ED9EBA1u, 11);
            b = BitOperations.RotateLeft(b + (c ^ d ^ a) + x[i + 12] + 0x6ED9EBA1u, 15);
        }

        state[0] += a;
        state[1] += b;
        state[2] += c;
        state[3] += d;
    }
}
