using System.Buffers.Binary;
using System.Text;
using DokanRedirector.Smb.Auth;

namespace DokanRedirector.Smb.Tests.Auth;

/// <summary>Builds CHALLENGE messages and takes AUTHENTICATE messages apart, independently of the code under test.</summary>
internal static class NtlmTestMessages
{
    public const NtlmNegotiateFlags SpecFlags = (NtlmNegotiateFlags)0xE28A8233; // MS-NLMP 4.2.4 "33 82 8a e2"

    public static byte[] AvPair(ushort id, byte[] value)
    {
        var pair = new byte[4 + value.Length];
        BinaryPrimitives.WriteUInt16LittleEndian(pair, id);
        BinaryPrimitives.WriteUInt16LittleEndian(pair.AsSpan(2), (ushort)value.Length);
        value.CopyTo(pair, 4);
        return pair;
    }

    public static byte[] AvPairs(params byte[][] pairs) => [.. pairs.SelectMany(p => p), 0, 0, 0, 0];

    public static byte[] Challenge(NtlmNegotiateFlags flags, byte[] serverChallenge, string targetName, byte[] targetInfo)
    {
        byte[] name = Encoding.Unicode.GetBytes(targetName);
        var m = new byte[56 + name.Length + targetInfo.Length];
        "NTLMSSP\0"u8.CopyTo(m);
        BinaryPrimitives.WriteUInt32LittleEndian(m.AsSpan(8), 2);
        WriteField(m, 12, name.Length, 56);
        BinaryPrimitives.WriteUInt32LittleEndian(m.AsSpan(20), (uint)flags);
        serverChallenge.CopyTo(m, 24);
        WriteField(m, 40, targetInfo.Length, 56 + name.Length);
        m[48] = 6;
        m[55] = 0x0F;
        name.CopyTo(m, 56);
        targetInfo.CopyTo(m, 56 + name.Length);
        return m;
    }

    /// <summary>The MS-NLMP 4.2.4 CHALLENGE: flags e28a8233, challenge 0123456789abcdef, "Server", Domain/Server AV pairs.</summary>
    public static byte[] SpecChallenge() =>
        Challenge(SpecFlags, NtlmCryptoTests.SpecServerChallenge, "Server", NtlmCryptoTests.SpecAvPairs);

    public static byte[] Field(byte[] authenticate, int at)
    {
        int length = BinaryPrimitives.ReadUInt16LittleEndian(authenticate.AsSpan(at));
        int offset = (int)BinaryPrimitives.ReadUInt32LittleEndian(authenticate.AsSpan(at + 4));
        return authenticate.AsSpan(offset, length).ToArray();
    }

    public static byte[] LmResponse(byte[] authenticate) => Field(authenticate, 12);

    public static byte[] NtResponse(byte[] authenticate) => Field(authenticate, 20);

    public static string Domain(byte[] authenticate) => Encoding.Unicode.GetString(Field(authenticate, 28));

    public static string User(byte[] authenticate) => Encoding.Unicode.GetString(Field(authenticate, 36));

    public static string Workstation(byte[] authenticate) => Encoding.Unicode.GetString(Field(authenticate, 44));

    public static byte[] EncryptedSessionKey(byte[] authenticate) => Field(authenticate, 52);

    public static NtlmNegotiateFlags Flags(byte[] authenticate) => (NtlmNegotiateFlags)BinaryPrimitives.ReadUInt32LittleEndian(authenticate.AsSpan(60));

    public static byte[] Mic(byte[] authenticate) => authenticate.AsSpan(72, 16).ToArray();

    /// <summary>The AV pairs inside an NTLMv2 response (after NTProofStr and the 28-byte temp header).</summary>
    public static List<(ushort Id, byte[] Value)> ResponseAvPairs(byte[] ntResponse)
    {
        var pairs = new List<(ushort, byte[])>();
        int pos = 16 + 28;
        while (true)
        {
            ushort id = BinaryPrimitives.ReadUInt16LittleEndian(ntResponse.AsSpan(pos));
            int length = BinaryPrimitives.ReadUInt16LittleEndian(ntResponse.AsSpan(pos + 2));
            pairs.Add((id, ntResponse.AsSpan(pos + 4, length).ToArray()));
            pos += 4 + length;
            if (id == 0)
            {
                return pairs;
            }
        }
    }

    private static void WriteField(byte[] m, int at, int length, int offset)
    {
        BinaryPrimitives.WriteUInt16LittleEndian(m.AsSpan(at), (ushort)length);
        BinaryPrimitives.WriteUInt16LittleEndian(m.AsSpan(at + 2), (ushort)length);
        BinaryPrimitives.WriteUInt32LittleEndian(m.AsSpan(at + 4), (uint)offset);
    }
}
