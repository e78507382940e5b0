// MS-SPNG / RFC 4178 around MS-NLMP NTLMv2: the security blobs of SMB2 SESSION_SETUP (MS-SMB2 3.2.5.3).

namespace DokanRedirector.Smb.Auth;

/// <summary>
/// Produces the SESSION_SETUP security buffers for NTLMv2 inside SPNEGO.
/// <code>
/// using var auth = new SpnegoNtlmAuthenticator(credential, workstation);
/// byte[] blob = auth.GetInitialToken();                 // 1st SESSION_SETUP request (the NEGOTIATE
///                                                       // response's blob, empty or NegTokenInit2, is ignored)
/// // response STATUS_MORE_PROCESSING_REQUIRED:
/// blob = auth.GetNextToken(response.SecurityBuffer);   // 2nd SESSION_SETUP request
/// // auth.SessionKey is now available: derive the SMB keys and verify the final response's signature
/// // response STATUS_SUCCESS:
/// auth.Complete(response.SecurityBuffer);              // checks the server's mechListMIC when present
/// </code>
/// A malformed or unauthentic server token raises <see cref="SmbProtocolException"/>; calls out of order raise
/// <see cref="InvalidOperationException"/>. Not thread-safe (one session setup at a time).
/// </summary>
public sealed class SpnegoNtlmAuthenticator : IDisposable
{
    private readonly NtlmClient _ntlm;
    private readonly SmbCredential _credential;
    private State _state;

    private enum State
    {
        Initial,
        AwaitingChallenge,
        AwaitingCompletion,
        Completed,
        Disposed,
    }

    /// <summary>Prepares to authenticate <paramref name="credential"/>; <paramref name="workstation"/> is the
    /// client's NetBIOS name sent in AUTHENTICATE ("" is allowed).</summary>
    public SpnegoNtlmAuthenticator(SmbCredential credential, string workstation = "")
        : this(credential, workstation, fileTimeNow: null, random: null)
    {
    }

    /// <summary>Test seam: a fixed clock (FILETIME) and randomness source.</summary>
    internal SpnegoNtlmAuthenticator(SmbCredential credential, string workstation, Func<long>? fileTimeNow, Action<Span<byte>>? random)
    {
        ArgumentNullException.ThrowIfNull(credential);
        _credential = credential;
        _ntlm = new NtlmClient(credential, workstation ?? "", fileTimeNow, random);
    }

    /// <summary>True for <see cref="SmbCredential.Anonymous"/>: the session is a NULL session (no signing).</summary>
    public bool IsAnonymous => _credential.IsAnonymous;

    /// <summary>True for a <see cref="SmbCredential.Guest"/> credential. (Whether the server made the session a
    /// guest session is the SESSION_SETUP response's SessionFlags, which the caller must also check.)</summary>
    public bool IsGuest => _credential.IsGuest;

    /// <summary>True after <see cref="Complete"/> succeeded.</summary>
    public bool IsCompleted => _state == State.Completed;

    /// <summary>
    /// The NTLM ExportedSessionKey (16 bytes; all zero for anonymous), the SMB2 session key. Available from
    /// <see cref="GetNextToken"/> on, because SMB 3.1.1 signs the final SESSION_SETUP response with keys derived
    /// from it.
    /// </summary>
    public ReadOnlySpan<byte> SessionKey
    {
        get
        {
            ObjectDisposedException.ThrowIf(_state == State.Disposed, this);
            if (_state is State.Initial or State.AwaitingChallenge)
            {
                throw new InvalidOperationException("The session key exists only after GetNextToken.");
            }

            return _ntlm.ExportedSessionKey;
        }
    }

    /// <summary>The first SESSION_SETUP security buffer: GSS InitialContextToken with a NegTokenInit offering
    /// NTLMSSP and carrying the NTLM NEGOTIATE_MESSAGE.</summary>
    public byte[] GetInitialToken()
    {
        Require(State.Initial, nameof(GetInitialToken));
        byte[] negotiate = _ntlm.CreateNegotiate();
        _state = State.AwaitingChallenge;
        return Spnego.EncodeInitialNegTokenInit(Spnego.NtlmMechTypes, negotiate);
    }

    /// <summary>
    /// Answers the server's NegTokenResp (accept-incomplete, carrying the NTLM CHALLENGE_MESSAGE) with a
    /// NegTokenResp carrying the AUTHENTICATE_MESSAGE and, unless anonymous, the mechListMIC.
    /// </summary>
    public byte[] GetNextToken(ReadOnlySpan<byte> serverToken)
    {
        Require(State.AwaitingChallenge, nameof(GetNextToken));
        SpnegoNegTokenResp response = Spnego.DecodeNegTokenResp(serverToken);
        if (response.NegState is { } negState && negState != SpnegoNegState.AcceptIncomplete)
        {
            throw new SmbProtocolException($"SPNEGO: the server answered the NTLM NEGOTIATE with negState {negState}, not accept-incomplete.");
        }

        if (response.SupportedMech is { } mech && mech != Spnego.NtlmOid)
        {
            throw new SmbProtocolException($"SPNEGO: the server chose mechanism {mech}; only NTLMSSP ({Spnego.NtlmOid}) was offered.");
        }

        if (response.ResponseToken is not { Length: > 0 } challenge)
        {
            throw new SmbProtocolException("SPNEGO: the server's NegTokenResp carries no NTLM CHALLENGE.");
        }

        byte[] authenticate = _ntlm.ProcessChallenge(challenge);
        byte[] mechListMic = _ntlm.HasIntegrity ? _ntlm.ComputeMechListMic(Spnego.NtlmMechTypes) : [];
        _state = State.AwaitingCompletion;
        return Spnego.EncodeNegTokenResp(SpnegoNegState.AcceptIncomplete, authenticate, mechListMic);
    }

    /// <summary>
    /// Finishes after STATUS_SUCCESS. <paramref name="serverToken"/> may be empty; otherwise it must be a
    /// NegTokenResp that is not a reject, and its mechListMIC, when present, must verify (except for anonymous,
    /// which has no integrity keys and ignores it).
    /// </summary>
    public void Complete(ReadOnlySpan<byte> serverToken)
    {
        Require(State.AwaitingCompletion, nameof(Complete));
        if (!serverToken.IsEmpty)
        {
            SpnegoNegTokenResp response = Spnego.DecodeNegTokenResp(serverToken);
            if (response.NegState is SpnegoNegState.Reject or SpnegoNegState.AcceptIncomplete)
            {
                throw new SmbProtocolException($"SPNEGO: the server's final token has negState {response.NegState}.");
            }

            if (response.MechListMic is { } mic && _ntlm.HasIntegrity
                && !_ntlm.VerifyServerMechListMic(Spnego.NtlmMechTypes, mic))
            {
                throw new SmbProtocolException("SPNEGO: the server's mechListMIC does not verify; the exchange was tampered with or the keys differ.");
            }
        }

        _state = State.Completed;
    }

    /// <summary>Wipes the keys.</summary>
    public void Dispose()
    {
        if (_state != State.Disposed)
        {
            _state = State.Disposed;
            _ntlm.Dispose();
        }
    }

    private void Require(State expected, string operation)
    {
        ObjectDisposedException.ThrowIf(_state == State.Disposed, this);
        if (_state != expected)
        {
            throw new InvalidOperationException($"{operation} is not valid now (state {_state}).");
        }
    }
}
