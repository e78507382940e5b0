using DokanRedirector.Smb.Crypto;
using DokanRedirector.Smb.Messages;
using DokanRedirector.Smb.Transport;

namespace DokanRedirector.Smb;

public sealed partial class SmbConnection
{
    /// <summary>True once 2.1+ with LARGE_MTU is negotiated: CreditCharge counts and multi-credit requests are allowed.</summary>
    internal bool SupportsMultiCredit { get; private set; }

    /// <summary>
    /// Frames, charges, signs or seals, and sends one request, then waits for its final response. The
    /// caller owns (disposes) the response and decides which statuses are errors.
    /// </summary>
    /// <param name="preauth">Folds the request bytes into the 3.1.1 preauth integrity hash (NEGOTIATE, SESSION_SETUP).</param>
    internal Task<SmbResponse> SendAsync<TRequest>(
        TRequest request, SmbMessageContext context, PreauthIntegrityHash? preauth, CancellationToken ct)
        where TRequest : ISmbRequest =>
        SendAsync(request, context, preauth, onFinalResponse: null, ct);

    /// <summary>
    /// Sends a request whose response leaves state on the server (CREATE): <paramref name="onFinalResponse"/>
    /// sees the final response on the receive loop first (<see cref="PendingRequest.OnFinalResponse"/>).
    /// </summary>
    internal Task<SmbResponse> SendObservedAsync<TRequest>(
        TRequest request, SmbMessageContext context, Func<SmbResponse, Action?> onFinalResponse, CancellationToken ct)
        where TRequest : ISmbRequest =>
        SendAsync(request, context, preauth: null, onFinalResponse, ct);

    private async Task<SmbResponse> SendAsync<TRequest>(
        TRequest request, SmbMessageContext context, PreauthIntegrityHash? preauth, Func<SmbResponse, Action?>? onFinalResponse,
        CancellationToken ct)
        where TRequest : ISmbRequest
    {
        ThrowIfBroken();
        var creditCharge = CreditChargeOf(request);
        var credits = Math.Max(creditCharge, (ushort)1);
        var messageId = await _credits.AcquireAsync(credits, ct).ConfigureAwait(false);

        // From here on the MessageId must reach the wire: the server's sequence window cannot skip one.
        var messageLength = SmbHeader.Size + request.BodySize;
        var frame = RentFrame(messageLength, context);
        PendingRequest pending;
        try
        {
            var message = MessageOf(frame, messageLength, context);
            WriteMessage(message, request, RequestHeader(request.Command, messageId, creditCharge, credits, context), context);
            preauth?.Update(message);
            Seal(frame, messageLength, context);
            pending = Register(messageId, request.Command, credits, context, onFinalResponse);
            if (!SweptByBreak(pending))
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
        TRequest request, SmbMessageContext context, string? target, CancellationToken ct)
        where TRequest : ISmbRequest
    {
        var response = await SendAsync(request, context, null, ct).ConfigureAwait(false);
        if (response.Status.IsError)
        {
            response.Dispose();
            throw StatusError(response, request.Command, target);
        }
        return response;
    }

    private void ThrowIfBroken()
    {
        if (BreakReason is { } broken)
        {
            throw broken;
        }
    }

    private ushort CreditChargeOf<TRequest>(TRequest request)
        where TRequest : ISmbRequest =>
        SupportsMultiCredit ? CreditWindow.CreditCharge(request.BodySize, request.ExpectedResponseSize) : (ushort)0;

    // A sealed frame keeps room for the TRANSFORM_HEADER in front of the message, so it encrypts in place.
    private static FrameBuffer RentFrame(int messageLength, in SmbMessageContext context)
    {
        var sealedLength = context.Sealer is null ? messageLength : SmbTransform.GetEncryptedLength(messageLength);
        var frame = FrameBuffer.Rent(DirectTcpTransport.FramePrefixSize + sealedLength);
        DirectTcpTransport.WriteFramePrefix(frame.Span, sealedLength);
        return frame;
    }

    private static Span<byte> MessageOf(FrameBuffer frame, int messageLength, in SmbMessageContext context) =>
        frame.Span.Slice(DirectTcpTransport.FramePrefixSize + (context.Sealer is null ? 0 : SmbTransform.HeaderSize), messageLength);

    private SmbHeader RequestHeader(
        SmbCommand command, ulong messageId, ushort creditCharge, ushort credits, in SmbMessageContext context,
        SmbHeaderFlags flags = SmbHeaderFlags.None, uint nextCommand = 0) =>
        new()
        {
            CreditCharge = creditCharge,
            Command = command,
            Credits = _credits.CreditRequest(credits),
            Flags = flags,
            NextCommand = nextCommand,
            MessageId = messageId,
            TreeId = context.TreeId,
            SessionId = context.SessionId,
        };

    // Writes header and body, then signs unless the frame will be sealed. The signature of a compound
    // element covers its padding up to NextCommand (MS-SMB2 3.2.4.1.4).
    private static void WriteMessage<TRequest>(Span<byte> message, TRequest request, in SmbHeader header, in SmbMessageContext context)
        where TRequest : ISmbRequest
    {
        header.Write(message);
        request.WriteBody(message.Slice(SmbHeader.Size, request.BodySize));
        if (context.Sealer is null)
        {
            context.Signer?.Sign(message);
        }
    }

    // MS-SMB2 3.2.4.1.8: the whole message (or compound) is encrypted once, in place behind the prefix.
    private static void Seal(FrameBuffer frame, int messageLength, in SmbMessageContext context)
    {
        if (context.Sealer is not { } sealer)
        {
            return;
        }
        var span = frame.Span[DirectTcpTransport.FramePrefixSize..];
        sealer.Encrypt(span.Slice(SmbTransform.HeaderSize, messageLength), span);
    }

    private PendingRequest Register(
        ulong messageId, SmbCommand command, ushort credits, in SmbMessageContext context, Func<SmbResponse, Action?>? onFinalResponse = null)
    {
        var pending = new PendingRequest(messageId, command, credits, context, DeadlineAfter(_options.RequestTimeout), onFinalResponse);
        _pending[messageId] = pending; // registered before it is sent: the response may beat SendAsync's return
        return pending;
    }

    // Break may have swept the pending table just before the request was registered: fail it here.
    private bool SweptByBreak(PendingRequest pending)
    {
        if (BreakReason is not { } reason)
        {
            return false;
        }
        FailPending(pending, reason);
        return true;
    }

    private async Task<SmbResponse> WaitAsync(PendingRequest pending, CancellationToken ct)
    {
        if (!ct.CanBeCanceled)
        {
            return await pending.Task.ConfigureAwait(false);
        }
        // The request stays in the pending table after a cancel, so its response still returns its
        // credits; the receive loop disposes a response nobody waits for.
        await using (ct.UnsafeRegister(
            static (state, token) =>
            {
                var (connection, pending) = ((SmbConnection, PendingRequest))state!;
                connection.Cancel(pending, token);
            },
            (this, pending)).ConfigureAwait(false))
        {
            return await pending.Task.ConfigureAwait(false);
        }
    }

    private static long DeadlineAfter(TimeSpan timeout) =>
        timeout == Timeout.InfiniteTimeSpan ? long.MaxValue : Environment.TickCount64 + (long)timeout.TotalMilliseconds;
}
