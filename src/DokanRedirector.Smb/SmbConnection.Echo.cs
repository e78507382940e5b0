// MS-SMB2 3.2.4.20 (Application Requests Sending an Echo): a round trip that proves the server is alive.
using DokanRedirector.Smb.Messages;
using DokanRedirector.Smb.Transport;

namespace DokanRedirector.Smb;

public sealed partial class SmbConnection
{
    private long _lastReceived = Environment.TickCount64;
    private int _keepAliveRunning;

    /// <summary>Keep-alive ECHOs sent, for diagnostics and tests.</summary>
    public long KeepAlivesSent => Interlocked.Read(ref _keepAlivesSent);

    private long _keepAlivesSent;

    /// <summary>Sends ECHO outside any session (keep-alive, liveness probe, credit top-up).</summary>
    public async Task EchoAsync(CancellationToken ct)
    {
        using var response = await SendExpectSuccessAsync(new EmptyRequest(SmbCommand.Echo), SmbMessageContext.None, null, ct).ConfigureAwait(false);
        EmptyRequest.ReadResponse(response.Message, SmbCommand.Echo);
    }

    // Called by the receive loop for every frame.
    private void NoteReceived() => Volatile.Write(ref _lastReceived, Environment.TickCount64);

    // Called by the expiration timer. An idle connection proves the server is alive; an unanswered
    // ECHO then breaks it through the ordinary request deadline.
    private void KeepAlive(long now)
    {
        var interval = _options.KeepAliveInterval;
        if (interval == Timeout.InfiniteTimeSpan || !_pending.IsEmpty
            || now - Volatile.Read(ref _lastReceived) < (long)interval.TotalMilliseconds
            || Interlocked.CompareExchange(ref _keepAliveRunning, 1, 0) != 0)
        {
            return;
        }
        _ = SendKeepAliveAsync();
    }

    private async Task SendKeepAliveAsync()
    {
        try
        {
            Interlocked.Increment(ref _keepAlivesSent);
            await EchoAsync(CancellationToken.None).ConfigureAwait(false);
        }
        catch (SmbException)
        {
            // The connection broke and recorded why; the next caller sees it.
        }
        finally
        {
            Volatile.Write(ref _keepAliveRunning, 0);
        }
    }
}
