// MS-NLMP 2.2.1.3 AUTHENTICATE_MESSAGE
using System.Buffers.Binary;
using System.Diagnostics;
using System.Text;

namespace DokanRedirector.Smb.Auth;

internal static class NtlmAuthenticateMessage
{
    /// <summary>Offset of the MIC field (zero until the caller fills it in).</summary>
    public const int MicOffset = 72;

    public const int MicSize = 16;

    private const int HeaderLength =
        8     // Signature "NTLMSSP\0"
        + 4   // MessageType = 3
        + 8   // LmChallengeResponseFields
        + 8   // NtChallengeResponseFields
        + 8   // DomainNameFields
        + 8   // UserNameFields
        + 8   // WorkstationFields
        + 8   // EncryptedRandomSessionKeyFields
        + 4   // NegotiateFlags
        + 8   // Version
        + 16; // MIC

    /// <summary>Builds the message with a zero MIC. Strings are UTF-16LE (NEGOTIATE_UNICODE is required).</summary>
    public static byte[] Build(
        NtlmNegotiateFlags flags,
        ReadOnlySpan<byte> lmChallengeResponse,
        ReadOnlySpan<byte> ntChallengeResponse,
        string domain,
        string user,
        string workstation,
        ReadOnlySpan<byte> encryptedRandomSessionKey)
    {
        byte[] domainBytes = Encoding.Unicode.GetBytes(domain);
        byte[] userBytes = Encoding.Unicode.GetBytes(user);
        byte[] workstationBytes = Encoding.Unicode.GetBytes(workstation);
        int length = HeaderLength + domainBytes.Length + userBytes.Length + workstationBytes.Length
            + lmChallengeResponse.Length + ntChallengeResponse.Length + encryptedRandomSessionKey.Length;

        var message = new byte[length];
        Span<byte> m = message;
        NtlmConstants.Signature.CopyTo(m);
        BinaryPrimitives.WriteUInt32LittleEndian(m[8..], NtlmConstants.AuthenticateMessageType);
        BinaryPrimitives.WriteUInt32LittleEndian(m[60..], (uint)flags);
        NtlmConstants.Version.CopyTo(m[64..]);

        // Payload in Windows' order: domain, user, workstation, LM, NT, session key.
        int offset = HeaderLength;
        offset = Put(m, 28, domainBytes, offset, "DomainName");
        offset = Put(m, 36, userBytes, offset, "UserName");
        offset = Put(m, 44, workstationBytes, offset, "Workstation");
        offset = Put(m, 12, lmChallengeResponse, offset, "LmChallengeResponse");
        offset = Put(m, 20, ntChallengeResponse, offset, "NtChallengeResponse");
        offset = Put(m, 52, encryptedRandomSessionKey, offset, "EncryptedRandomSessionKey");
        Debug.Assert(offset == length);
        return message;
    }

    // Writes a security buffer (Len, MaxLen, BufferOffset) at fieldAt and its bytes at payloadAt.
    private static int Put(Span<byte> message, int fieldAt, ReadOnlySpan<byte> value, int payloadAt, string name)
    {
        if (value.Length > ushort.MaxValue)
        {
            throw new SmbProtocolException($"NTLM AUTHENTICATE {name} would be {value.Length} bytes, more than a 16-bit length allows.");
        }

        BinaryPrimitives.WriteUInt16LittleEndian(message[fieldAt..], (ushort)value.Length);
        BinaryPrimitives.WriteUInt16LittleEndian(message[(fieldAt + 2)..], (ushort)value.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(message[(fieldAt + 4)..], (uint)payloadAt);
        value.CopyTo(message[payloadAt..]);
        return payloadAt + value.Length;
    }
}
