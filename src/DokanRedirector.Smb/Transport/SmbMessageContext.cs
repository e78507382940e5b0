using DokanRedirector.Smb.Crypto;

namespace DokanRedirector.Smb.Transport;

/// <summary>
/// What a request names and how it is protected: its session and tree, the signer of a signing session,
/// and the session's transform when the message is sealed (MS-SMB2 3.2.4.1.1, 3.2.4.1.8). A sealed
/// message is not signed: the AEAD tag authenticates it.
/// </summary>
internal readonly record struct SmbMessageContext(ulong SessionId, uint TreeId, SmbSigner? Signer, SmbTransform? Sealer)
{
    /// <summary>Before a session exists: NEGOTIATE, the first SESSION_SETUP, ECHO.</summary>
    public static SmbMessageContext None => default;

    public static SmbMessageContext ForSetup(ulong sessionId) => new(sessionId, 0, null, null);
}
