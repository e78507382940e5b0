// MS-SMB2 3.2.4.24 Application Requests Canceling an Operation
using DokanRedirector.Smb.Messages;
using DokanRedirector.Smb.Transport;

namespace DokanRedirector.Smb;

public sealed partial class SmbConnection
{
    /// <summary>Requests sent and then cancelled by their callers, for diagnostics and tests.</summary>
    public long CancelsSent => Interlocked.Read(ref _cancelsSent);

    private long _cancelsSent;

    // Runs in the caller's CancellationToken callback: completes the caller at once and tells the server,
    // which answers the original request with STATUS_CANCELLED (or its result if it was too late). The
    // request stays pending until then, so its credits come back.
    private void Cancel(PendingRequest pending, CancellationToken token)
    {
        if (pending.TryCancel(token) && BreakReason is null && _pending.ContainsKey(pending.MessageId))
        {
            _ = SendCancelAsync(pending);
        }
    }

    private async Task SendCancelAsync(PendingRequest pending)
    {
        var request = new EmptyRequest(SmbCommand.Cancel);
        var context = pending.Context;
        var messageLength = SmbHeader.Size + request.BodySize;
        var frame = RentFrame(messageLength, context);
        try
        {
            // CANCEL takes no credit and gets no response. Once the server went async the AsyncId names
            // the request, before that its MessageId does.
            var asyncId = pending.AsyncId;
            var header = new SmbHeader
            {
                Command = SmbCommand.Cancel,
                Flags = asyncId != 0 ? SmbHeaderFlags.AsyncCommand : SmbHeaderFlags.None,
                MessageId = pending.MessageId,
                AsyncId = asyncId,
                TreeId = context.TreeId,
                SessionId = context.SessionId,
            };
            WriteMessage(MessageOf(frame, messageLength, context), request, header, context);
            Seal(frame, messageLength, context);
            await _transport.SendAsync(frame.Memory, CancellationToken.None).ConfigureAwait(false);
            Interlocked.Increment(ref _cancelsSent);
        }
        catch (ObjectDisposedException)
        {
            // The session logged off meanwhile; the server dropped its requests with it.
        }
        catch (Exception e)
        {
            // Nobody awaits a CANCEL; a failure to send it means the socket is gone.
            Break(e);
        }
        finally
        {
            frame.Release();
        }
    }
}
