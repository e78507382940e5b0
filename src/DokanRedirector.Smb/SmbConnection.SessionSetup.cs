// MS-SMB2 3.2.4.2.3 Authenticating the User, 3.2.5.3 Receiving an SMB2 SESSION_SETUP Response
using DokanRedirector.Smb.Auth;
using DokanRedirector.Smb.Crypto;
using DokanRedirector.Smb.Messages;
using DokanRedirector.Smb.Transport;

namespace DokanRedirector.Smb;

public sealed partial class SmbConnection
{
    /// <summary>
    /// Authenticates <paramref name="credential"/> with NTLMv2 in SPNEGO and returns the session. Every
    /// request of a non-guest, non-anonymous session is signed and every response verified.
    /// </summary>
    public async Task<SmbSession> SetupSessionAsync(SmbCredential credential, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(credential);
        using var auth = new SpnegoNtlmAuthenticator(credential, Environment.MachineName);
        // 3.1.1: the session's hash starts from the connection's and folds in this exchange.
        using var preauth = _preauthHash?.Clone();
        var token = auth.GetInitialToken();
        ulong sessionId = 0;
        while (true)
        {
            var request = new SessionSetupRequest(ClientSecurityMode, SmbCapabilities.None, token);
            using var response = await SendAsync(request, SmbMessageContext.ForSetup(sessionId), preauth, ct).ConfigureAwait(false);
            sessionId = response.Header.SessionId;
            if (response.Status == NtStatus.MoreProcessingRequired)
            {
                preauth?.Update(response.Message);
                if (auth.IsCompleted || token.Length == 0)
                {
                    throw Break(new SmbProtocolException($"{Host} asked for a third SESSION_SETUP leg; NTLM has two."));
                }
                token = NextToken(auth, SessionSetupResponse.Read(response.Message).SecurityBuffer);
                continue;
            }
            if (response.Status.IsError)
            {
                throw StatusError(response, SmbCommand.SessionSetup, null);
            }
            var final = SessionSetupResponse.Read(response.Message);
            auth.Complete(final.SecurityBuffer);
            var session = CreateSession(auth, preauth, sessionId, final.SessionFlags, response.Header, response.MutableMessage);
            Log.SessionEstablished(_options.Logger, sessionId, _transport.Endpoint, credential.ToString(), session.IsSigned, session.IsGuest, session.EncryptData);
            return session;
        }
    }

    internal void RemoveSession(SmbSession session) => _sessions.TryRemove(session.SessionId, out _);

    private static byte[] NextToken(SpnegoNtlmAuthenticator auth, byte[] serverToken)
    {
        try
        {
            return auth.GetNextToken(serverToken);
        }
        catch (InvalidOperationException e)
        {
            throw new SmbProtocolException($"SESSION_SETUP out of sequence: {e.Message}", e);
        }
    }

    private SmbSession CreateSession(
        SpnegoNtlmAuthenticator auth, PreauthIntegrityHash? preauth, ulong sessionId, SmbSessionFlags flags,
        in SmbHeader header, Span<byte> finalResponse)
    {
        // Guest and NULL sessions have no key the server shares: they are not signed (MS-SMB2 3.2.5.3.1).
        if (auth.IsAnonymous || (flags & (SmbSessionFlags.IsGuest | SmbSessionFlags.IsNull)) != 0)
        {
            var unsigned = new SmbSession(this, sessionId, flags, keys: null, signer: null, transform: null);
            _sessions[sessionId] = unsigned;
            return unsigned;
        }
        var keys = SmbKeyDerivation.Derive(Dialect, auth.SessionKey, preauth is null ? default : preauth.Value, Cipher);
        var signer = SmbSigner.Create(SigningAlgorithm, keys.SigningKey);
        // 3.1.1 signs the final response with the new keys, which proves the server derived the same ones.
        if ((header.IsSigned || Dialect == SmbDialect.Smb311) && !signer.Verify(finalResponse))
        {
            signer.Dispose();
            keys.Dispose();
            throw Break(new SmbProtocolException($"The signature of the final SESSION_SETUP response from {Host}:{Port} does not verify."));
        }
        var transform = Cipher != SmbCipher.None && !keys.EncryptionKey.IsEmpty
            ? new SmbTransform(Cipher, keys.EncryptionKey, keys.DecryptionKey, sessionId)
            : null;
        var session = new SmbSession(this, sessionId, flags, keys, signer, transform);
        _sessions[sessionId] = session;
        return session;
    }
}
