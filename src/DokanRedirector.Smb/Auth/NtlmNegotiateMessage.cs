// MS-NLMP 2.2.1.1 NEGOTIATE_MESSAGE
using System.Buffers.Binary;
using System.Diagnostics;

namespace DokanRedirector.Smb.Auth;

internal static class NtlmNegotiateMessage
{
    private const int Length =
        8    // Signature "NTLMSSP\0"
        + 4  // MessageType = 1
        + 4  // NegotiateFlags
        + 8  // DomainNameFields (empty: no OEM_DOMAIN_SUPPLIED)
        + 8  // WorkstationFields (empty: no OEM_WORKSTATION_SUPPLIED)
        + 8; // Version

    /// <summary>Builds a NEGOTIATE_MESSAGE with no payload.</summary>
    public static byte[] Build(NtlmNegotiateFlags flags)
    {
        var message = new byte[Length];
        Span<byte> m = message;
        NtlmConstants.Signature.CopyTo(m);
        BinaryPrimitives.WriteUInt32LittleEndian(m[8..], NtlmConstants.NegotiateMessageType);
        BinaryPrimitives.WriteUInt32LittleEndian(m[12..], (uint)flags);
        // Empty fields: Len = MaxLen = 0, offset = where the payload would start (MS-NLMP 2.2.1.1).
        BinaryPrimitives.WriteUInt32LittleEndian(m[20..], Length);
        BinaryPrimitives.WriteUInt32LittleEndian(m[28..], Length);
        NtlmConstants.Version.CopyTo(m[32..]);
        Debug.Assert(32 + NtlmConstants.Version.Length == Length);
        return message;
    }
}
