using DokanRedirector.Smb.Crypto;
using DokanRedirector.Smb.Messages;
using DokanRedirector.Smb.Transport;

namespace DokanRedirector.Smb;

public sealed partial class SmbConnection
{
    // The single reader of the socket. Ends only by breaking the connection.
    private async Task ReceiveLoopAsync()
    {
        try
        {
            while (BreakReason is null)
            {
                var frame = await _transport.ReceiveAsync(CancellationToken.None).ConfigureAwait(false);
                NoteReceived();
                try
                {
                    Dispatch(frame);
                }
                finally
                {
                    frame.Release();
                }
            }
        }
        catch (Exception e)
        {
            Break(e);
        }
    }

    /// <summary>Encrypted frames received and authenticated, for diagnostics and tests.</summary>
    public long SealedFramesReceived => Interlocked.Read(ref _sealedFramesReceived);

    private long _sealedFramesReceived;

    // Decrypts a sealed frame in place, then splits it into its compound elements (NextCommand chain)
    // and completes each request.
    private void Dispatch(FrameBuffer frame)
    {
        var start = 0;
        var wasSealed = SmbTransform.IsTransformMessage(frame.Span);
        if (wasSealed)
        {
            Unseal(frame.Span);
            Interlocked.Increment(ref _sealedFramesReceived);
            start = SmbTransform.HeaderSize;
        }
        var span = frame.Span[start..];
        for (var offset = 0; ;)
        {
            var rest = span[offset..];
            var header = SmbHeader.Read(rest);
            var length = rest.Length;
            if (header.NextCommand != 0)
            {
                if (header.NextCommand < SmbHeader.Size || header.NextCommand > rest.Length || (header.NextCommand & 7) != 0)
                {
                    throw new SmbProtocolException($"NextCommand {header.NextCommand} of a compound response is not an 8-aligned offset within its {rest.Length} bytes.");
                }
                length = (int)header.NextCommand;
            }
            if ((header.Flags & SmbHeaderFlags.ServerToRedir) == 0)
            {
                throw new SmbProtocolException($"{_transport.Endpoint} sent a message without SMB2_FLAGS_SERVER_TO_REDIR.");
            }
            _credits.Grant(header.Credits);
            DispatchOne(frame, start + offset, length, header, wasSealed);
            if (header.NextCommand == 0)
            {
                return;
            }
            offset += length;
        }
    }

    // MS-SMB2 3.2.5.1.1 Decrypting the Message: the session named in the TRANSFORM_HEADER holds the key.
    // A message that does not authenticate breaks the connection, like a bad signature.
    private void Unseal(Span<byte> frame)
    {
        if (!SmbTransform.TryReadSessionId(frame, out var sessionId))
        {
            throw new SmbProtocolException($"{_transport.Endpoint} sent a {frame.Length}-byte encrypted message, shorter than its TRANSFORM_HEADER.");
        }
        if (!_sessions.TryGetValue(sessionId, out var session) || session.Transform is not { } transform)
        {
            throw new SmbProtocolException($"{_transport.Endpoint} sent an encrypted message for session 0x{sessionId:X}, which has no encryption keys here.");
        }
        try
        {
            transform.Decrypt(frame, frame[SmbTransform.HeaderSize..]);
        }
        catch (ObjectDisposedException)
        {
            throw new SmbProtocolException($"{_transport.Endpoint} sent an encrypted message for session 0x{sessionId:X} after it logged off.");
        }
    }

    private void DispatchOne(FrameBuffer frame, int offset, int length, SmbHeader header, bool wasSealed)
    {
        if (header.MessageId == SmbHeader.UnsolicitedMessageId)
        {
            // MS-SMB2 3.2.5.1.3: an oplock or lease break is never signature-checked. Samba 4.17 sends both
            // unsigned and unsealed, on an encrypted share too (an oplock break with its open's SessionId, a
            // lease break with 0); a sealed one was authenticated by Unseal.
            ReceiveBreak(frame.Span.Slice(offset, length), header);
            return;
        }
        if (!_pending.TryGetValue(header.MessageId, out var pending))
        {
            // The request was failed locally (Break) or a duplicate; its credits were already granted above.
            return;
        }
        if (pending.Context.Sealer is not null && !wasSealed)
        {
            // MS-SMB2 3.2.5.1.1: an answer to a sealed request must be sealed too, or anyone could forge it.
            throw new SmbProtocolException(
                $"{_transport.Endpoint} answered an encrypted {pending.Command} request (MessageId {header.MessageId}) in plain text.");
        }
        var isInterim = header.IsAsync && header.NtStatus == NtStatus.Pending;
        // A decrypted message is already authenticated by its AEAD tag and carries no signature (3.2.5.1.3).
        if (!isInterim && !wasSealed && !VerifySignature(frame.Span.Slice(offset, length), header))
        {
            // The session logged off while this response was on its way; its keys are gone.
            if (_pending.TryRemove(header.MessageId, out _))
            {
                _credits.Complete(pending.Credits);
                pending.TryFail(new SmbException($"{pending.Command} failed: the session was closed while it ran.", isTransient: false));
            }
            return;
        }
        if (isInterim)
        {
            // MS-SMB2 3.2.5.1.5: an interim response. The final one follows with the same MessageId.
            pending.AsyncId = header.AsyncId;
            pending.Deadline = DeadlineAfter(_options.AsyncRequestTimeout);
            return;
        }
        if (!_pending.TryRemove(header.MessageId, out _))
        {
            return;
        }
        _credits.Complete(pending.Credits);
        var response = new SmbResponse(frame, offset, length, header);
        var release = pending.OnFinalResponse?.Invoke(response);
        if (!pending.TryComplete(response))
        {
            response.Dispose(); // the caller cancelled; nobody will read it
            release?.Invoke(); // nor own what the response left on the server
        }
    }

    // MS-SMB2 3.2.5.1.3 Verifying the Signature: every response of a signing session must be signed
    // and verify. SESSION_SETUP responses are checked by the session setup itself, which owns the keys
    // until the session is registered. A mismatch breaks the connection: nothing on it can be trusted.
    // Returns false when the session's signer was disposed (logoff) under our feet.
    private bool VerifySignature(Span<byte> message, in SmbHeader header)
    {
        if (header.SessionId == 0 || header.Command == SmbCommand.SessionSetup
            || !_sessions.TryGetValue(header.SessionId, out var session) || session.Signer is not { } signer)
        {
            return true;
        }
        if (!header.IsSigned)
        {
            throw new SmbProtocolException(
                $"{_transport.Endpoint} sent an unsigned {header.Command} response ({header.NtStatus}) on a signed session.");
        }
        bool verified;
        try
        {
            verified = signer.Verify(message);
        }
        catch (ObjectDisposedException)
        {
            return false;
        }
        if (!verified)
        {
            throw new SmbProtocolException(
                $"The signature of a {header.Command} response (MessageId {header.MessageId}) from {_transport.Endpoint} does not verify.");
        }
        return true;
    }

    // MS-SMB2 3.2.6.1 Request Expiration Timer: a request unanswered past its deadline means the
    // connection is dead; break it so every waiter fails now instead of hanging.
    private void ExpireRequests()
    {
        var now = Environment.TickCount64;
        KeepAlive(now);
        foreach (var (messageId, pending) in _pending)
        {
            if (pending.Deadline < now)
            {
                Break(new SmbException(
                    $"{pending.Command} (MessageId {messageId}) got no response from {_transport.Endpoint} within " +
                    $"{_options.RequestTimeout.TotalSeconds:0.#} s; {_pending.Count} requests pending, {_credits.Available} credits in hand.",
                    isTransient: true));
                return;
            }
        }
    }
}
