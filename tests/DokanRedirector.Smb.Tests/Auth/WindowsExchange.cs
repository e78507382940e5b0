using DokanRedirector.Smb.Auth;
using DokanRedirector.Smb.Tests.Crypto;

namespace DokanRedirector.Smb.Tests.Auth;

/// <summary>The SPNEGO and NTLM tokens of <see cref="Smb311BlogVectors"/>, cut out of the SMB2 messages.</summary>
internal static class WindowsExchange
{
    public static readonly byte[] InitToken = Smb311BlogVectors.RequestSecurityBuffer(Smb311BlogVectors.SessionSetupRequest1);
    public static readonly byte[] ChallengeToken = Smb311BlogVectors.ResponseSecurityBuffer(Smb311BlogVectors.SessionSetupResponse1);
    public static readonly byte[] AuthenticateToken = Smb311BlogVectors.RequestSecurityBuffer(Smb311BlogVectors.SessionSetupRequest2);
    public static readonly byte[] FinalToken = Smb311BlogVectors.ResponseSecurityBuffer(Smb311BlogVectors.SessionSetupResponse2);

    /// <summary>The NTLM NEGOTIATE_MESSAGE: the NegTokenInit's mechToken, its last 40 bytes.</summary>
    public static readonly byte[] Negotiate = InitToken.AsSpan(InitToken.Length - 40).ToArray();

    public static readonly byte[] Challenge = Spnego.DecodeNegTokenResp(ChallengeToken).ResponseToken!;
    public static readonly byte[] Authenticate = Spnego.DecodeNegTokenResp(AuthenticateToken).ResponseToken!;
    public static readonly byte[] ClientMechListMic = Spnego.DecodeNegTokenResp(AuthenticateToken).MechListMic!;
    public static readonly byte[] ServerMechListMic = Spnego.DecodeNegTokenResp(FinalToken).MechListMic!;
}
