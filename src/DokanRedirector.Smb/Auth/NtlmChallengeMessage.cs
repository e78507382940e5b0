// MS-NLMP 2.2.1.2 CHALLENGE_MESSAGE, 2.2.2.1 AV_PAIR
using System.Buffers.Binary;
using System.Text;

namespace DokanRedirector.Smb.Auth;

/// <summary>A parsed CHALLENGE_MESSAGE. Every length and offset is checked before use; anything malformed is
/// an <see cref="SmbProtocolException"/> whose message starts with "malformed NTLM challenge".</summary>
internal sealed class NtlmChallengeMessage
{
    private const int MinimumLength =
        8    // Signature
        + 4  // MessageType = 2
        + 8  // TargetNameFields
        + 4  // NegotiateFlags
        + 8  // ServerChallenge
        + 8  // Reserved
        + 8; // TargetInfoFields (Version, 8 more bytes, is optional)

    private NtlmChallengeMessage(NtlmNegotiateFlags flags, byte[] serverChallenge, string targetName, List<NtlmAvPair> avPairs, long? timestamp)
    {
        Flags = flags;
        ServerChallenge = serverChallenge;
        TargetName = targetName;
        AvPairs = avPairs;
        Timestamp = timestamp;
    }

    public NtlmNegotiateFlags Flags { get; }

    /// <summary>The 8-byte server nonce.</summary>
    public byte[] ServerChallenge { get; }

    public string TargetName { get; }

    /// <summary>The TargetInfo AV pairs in wire order, without the terminating MsvAvEOL.</summary>
    public List<NtlmAvPair> AvPairs { get; }

    /// <summary>MsvAvTimestamp (a FILETIME) when the server sent one.</summary>
    public long? Timestamp { get; }

    public static NtlmChallengeMessage Parse(ReadOnlySpan<byte> message)
    {
        if (message.Length < MinimumLength)
        {
            throw Malformed($"{message.Length} bytes, shorter than the {MinimumLength}-byte header");
        }

        if (!message[..8].SequenceEqual(NtlmConstants.Signature))
        {
            throw Malformed("no NTLMSSP signature");
        }

        uint type = BinaryPrimitives.ReadUInt32LittleEndian(message[8..]);
        if (type != NtlmConstants.ChallengeMessageType)
        {
            throw Malformed($"MessageType is {type}, not 2");
        }

        var flags = (NtlmNegotiateFlags)BinaryPrimitives.ReadUInt32LittleEndian(message[20..]);
        byte[] serverChallenge = message.Slice(24, 8).ToArray();
        ReadOnlySpan<byte> targetNameBytes = Field(message, 12, "TargetName");
        ReadOnlySpan<byte> targetInfo = Field(message, 40, "TargetInfo");

        if ((targetNameBytes.Length & 1) != 0 && (flags & NtlmNegotiateFlags.Unicode) != 0)
        {
            throw Malformed("TargetName has an odd length in a Unicode message");
        }

        string targetName = (flags & NtlmNegotiateFlags.Unicode) != 0
            ? Encoding.Unicode.GetString(targetNameBytes)
            : Encoding.ASCII.GetString(targetNameBytes);

        var pairs = new List<NtlmAvPair>();
        long? timestamp = null;
        if (!targetInfo.IsEmpty)
        {
            bool sawEol = false;
            int pos = 0;
            while (targetInfo.Length - pos >= 4)
            {
                var id = (NtlmAvId)BinaryPrimitives.ReadUInt16LittleEndian(targetInfo[pos..]);
                int length = BinaryPrimitives.ReadUInt16LittleEndian(targetInfo[(pos + 2)..]);
                pos += 4;
                if (length > targetInfo.Length - pos)
                {
                    throw Malformed($"AV pair 0x{(ushort)id:X4} of {length} bytes runs past TargetInfo");
                }

                ReadOnlySpan<byte> value = targetInfo.Slice(pos, length);
                pos += length;
                if (id == NtlmAvId.Eol)
                {
                    sawEol = true;
                    break;
                }

                if (id == NtlmAvId.Timestamp)
                {
                    if (length != 8)
                    {
                        throw Malformed($"MsvAvTimestamp is {length} bytes, not 8");
                    }

                    timestamp = BinaryPrimitives.ReadInt64LittleEndian(value);
                }
                else if (id == NtlmAvId.Flags && length != 4)
                {
                    throw Malformed($"MsvAvFlags is {length} bytes, not 4");
                }

                pairs.Add(new NtlmAvPair(id, value.ToArray()));
            }

            if (!sawEol)
            {
                throw Malformed("TargetInfo does not end with MsvAvEOL");
            }
        }

        return new NtlmChallengeMessage(flags, serverChallenge, targetName, pairs, timestamp);
    }

    // A security buffer (MS-NLMP 2.2.1.2): Len (2), MaxLen (2), BufferOffset (4), relative to the message.
    private static ReadOnlySpan<byte> Field(ReadOnlySpan<byte> message, int at, string name)
    {
        int length = BinaryPrimitives.ReadUInt16LittleEndian(message[at..]);
        uint offset = BinaryPrimitives.ReadUInt32LittleEndian(message[(at + 4)..]);
        if (length == 0)
        {
            return [];
        }

        if (offset < MinimumLength || offset > (uint)message.Length || length > message.Length - (int)offset)
        {
            throw Malformed($"{name} ({length} bytes at offset {offset}) lies outside the {message.Length}-byte message");
        }

        return message.Slice((int)offset, length);
    }

    private static SmbProtocolException Malformed(string detail) => new($"malformed NTLM challenge: {detail}.");
}

/// <summary>One AV_PAIR (MS-NLMP 2.2.2.1).</summary>
internal readonly record struct NtlmAvPair(NtlmAvId Id, byte[] Value);
