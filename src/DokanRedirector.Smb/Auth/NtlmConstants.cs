// MS-NLMP 2.2.2.5 (NEGOTIATE flags), 2.2.2.1 (AV_PAIR ids), 2.2.1 (message types).
namespace DokanRedirector.Smb.Auth;

/// <summary>NTLM NegotiateFlags (MS-NLMP 2.2.2.5).</summary>
[Flags]
public enum NtlmNegotiateFlags : uint
{
    None = 0,
    Unicode = 0x00000001,
    Oem = 0x00000002,
    RequestTarget = 0x00000004,
    Sign = 0x00000010,
    Seal = 0x00000020,
    Datagram = 0x00000040,
    LanManagerKey = 0x00000080,
    Ntlm = 0x00000200,
    Anonymous = 0x00000800,
    OemDomainSupplied = 0x00001000,
    OemWorkstationSupplied = 0x00002000,
    AlwaysSign = 0x00008000,
    TargetTypeDomain = 0x00010000,
    TargetTypeServer = 0x00020000,
    ExtendedSessionSecurity = 0x00080000,
    Identify = 0x00100000,
    RequestNonNtSessionKey = 0x00400000,
    TargetInfo = 0x00800000,
    Version = 0x02000000,
    Negotiate128 = 0x20000000,
    KeyExchange = 0x40000000,
    Negotiate56 = 0x80000000,
}

/// <summary>AV_PAIR AvId values (MS-NLMP 2.2.2.1).</summary>
internal enum NtlmAvId : ushort
{
    Eol = 0x0000,
    NbComputerName = 0x0001,
    NbDomainName = 0x0002,
    DnsComputerName = 0x0003,
    DnsDomainName = 0x0004,
    DnsTreeName = 0x0005,
    Flags = 0x0006,
    Timestamp = 0x0007,
    SingleHost = 0x0008,
    TargetName = 0x0009,
    ChannelBindings = 0x000A,
}

internal static class NtlmConstants
{
    /// <summary>"NTLMSSP\0", the first 8 bytes of every NTLM message.</summary>
    public static ReadOnlySpan<byte> Signature => "NTLMSSP\0"u8;

    public const uint NegotiateMessageType = 1;
    public const uint ChallengeMessageType = 2;
    public const uint AuthenticateMessageType = 3;

    /// <summary>MsvAvFlags bit: the AUTHENTICATE message carries a MIC.</summary>
    public const uint AvFlagMicPresent = 0x00000002;

    /// <summary>VERSION (MS-NLMP 2.2.2.10): Windows 10.0, build 0, NTLMSSP_REVISION_W2K3 (0x0F).</summary>
    public static ReadOnlySpan<byte> Version => [10, 0, 0, 0, 0, 0, 0, 0x0F];

    /// <summary>What this client asks for in NEGOTIATE; AUTHENTICATE carries the intersection with CHALLENGE.</summary>
    public const NtlmNegotiateFlags ClientFlags =
        NtlmNegotiateFlags.Unicode | NtlmNegotiateFlags.RequestTarget | NtlmNegotiateFlags.Sign | NtlmNegotiateFlags.Seal
        | NtlmNegotiateFlags.Ntlm | NtlmNegotiateFlags.AlwaysSign | NtlmNegotiateFlags.ExtendedSessionSecurity
        | NtlmNegotiateFlags.TargetInfo | NtlmNegotiateFlags.Version | NtlmNegotiateFlags.Negotiate128
        | NtlmNegotiateFlags.KeyExchange | NtlmNegotiateFlags.Negotiate56;
}
