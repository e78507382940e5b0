// MS-SMB2 3.2.4.20 (Application Requests Sending an Echo): a round trip that proves the server is alive.
using DokanRedirector.Smb.Messages;

namespace DokanRedirector.Smb;

public sealed partial class SmbConnection
{
    /// <summary>Sends ECHO outside any session (keep-alive, liveness probe, credit top-up).</summary>
    public async Task EchoAsync(CancellationToken ct)
    {
        using var response = await SendExpectSuccessAsync(new EmptyRequest(SmbCommand.Echo), 0, 0, null, null, ct).ConfigureAwait(false);
        EmptyRequest.ReadResponse(response.Message, SmbCommand.Echo);
    }
}
