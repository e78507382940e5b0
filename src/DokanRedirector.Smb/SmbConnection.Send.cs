using DokanRedirector.Smb.Crypto;
using DokanRedirector.Smb.Messages;
using DokanRedirector.Smb.Transport;

namespace DokanRedirector.Smb;

public sealed partial class SmbConnection
{
    /// <summary>True once 2.1+ with LARGE_MTU is negotiated: CreditCharge counts and multi-credit requests are allowed.</summary>
    internal bool SupportsMultiCredit { get; private set; }

    /// <summary>
    /// Frames, charges, optionally signs and sends one request, then waits for its final response. The
    /// caller owns (disposes) the response and decides which statuses are errors.
    /// </summary>
    /// <param name="signer">Signs the request (the session's signer; null before a session has keys).</param>
    /// <param name="preauth">Folds the request bytes into the 3.1.1 preauth integrity hash (NEGOTIATE, SESSION_SETUP).</param>
    internal async Task<SmbResponse> SendAsync<TRequest>(
        TRequest request, ulong sessionId, uint treeId, SmbSigner? signer, PreauthIntegrityHash? preauth, CancellationToken ct)
        where TRequest : ISmbRequest
    {
        if (BreakReason is { } broken)
        {
            throw broken;
        }
        var bodySize = request.BodySize;
        var messageLength = SmbHeader.Size + bodySize;
        ushort creditCharge = SupportsMultiCredit ? CreditWindow.CreditCharge(bodySize, request.ExpectedResponseSize) : (ushort)0;
        var credits = Math.Max(creditCharge, (ushort)1);
        var messageId = await _credits.AcquireAsync(credits, ct).ConfigureAwait(false);

        // From here on the MessageId must reach the wire: the server's sequence window cannot skip one.
        var frame = FrameBuffer.Rent(DirectTcpTransport.FramePrefixSize + messageLength);
        PendingRequest pending;
        try
        {
            var span = frame.Span;
            DirectTcpTransport.WriteFramePrefix(span, messageLength);
            var message = span.Slice(DirectTcpTransport.FramePrefixSize, messageLength);
            var header = new SmbHeader
            {
                CreditCharge = creditCharge,
                Command = request.Command,
                Credits = _credits.CreditRequest(credits),
                MessageId = messageId,
                TreeId = treeId,
                SessionId = sessionId,
            };
            header.Write(message);
            request.WriteBody(message[SmbHeader.Size..]);
            signer?.Sign(message);
            preauth?.Update(message);

            pending = new PendingRequest(messageId, request.Command, credits, DeadlineAfter(_options.RequestTimeout));
            _pending[messageId] = pending; // registered before it is sent: the response may beat SendAsync's return
            if (BreakReason is { } reason)
            {
                FailPending(pending, reason); // Break may have swept the table just before we registered
            }
            else
            {
                await _transport.SendAsync(frame.Memory, CancellationToken.None).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is not SmbException || BreakReason is null)
        {
            throw Break(e);
        }
        finally
        {
            frame.Release();
        }
        return await WaitAsync(pending, ct).ConfigureAwait(false);
    }

    /// <summary>Sends a request and throws <see cref="SmbStatusException"/> unless its status is success.</summary>
    internal async Task<SmbResponse> SendExpectSuccessAsync<TRequest>(
        TRequest request, ulong sessionId, uint treeId, SmbSigner? signer, string? target, CancellationToken ct)
        where TRequest : ISmbRequest
    {
        var response = await SendAsync(request, sessionId, treeId, signer, null, ct).ConfigureAwait(false);
        if (response.Status.IsError)
        {
            response.Dispose();
            throw StatusError(response, request.Command, target);
        }
        return response;
    }

    private static async Task<SmbResponse> WaitAsync(PendingRequest pending, CancellationToken ct)
    {
        if (!ct.CanBeCanceled)
        {
            return await pending.Task.ConfigureAwait(false);
        }
        // The request stays in the pending table after a cancel, so its response still returns its
        // credits; the receive loop disposes a response nobody waits for.
        await using (ct.UnsafeRegister(static (state, token) => ((PendingRequest)state!).TryCancel(token), pending).ConfigureAwait(false))
        {
            return await pending.Task.ConfigureAwait(false);
        }
    }

    private static long DeadlineAfter(TimeSpan timeout) =>
        timeout == Timeout.InfiniteTimeSpan ? long.MaxValue : Environment.TickCount64 + (long)timeout.TotalMilliseconds;
}
