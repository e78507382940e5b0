using Microsoft.Extensions.Logging;

namespace DokanRedirector.SmbMiniRdr;

// Event ids 400–499. Credentials appear only as their identity (SmbCredential.ToString hides the password).
internal static partial class Log
{
    [LoggerMessage(400, LogLevel.Warning, "Server {Host}:{Port} cannot be reached ({Status}): {Reason}")]
    public static partial void ServerUnreachable(ILogger logger, string host, int port, NtStatus status, string reason);

    [LoggerMessage(401, LogLevel.Warning, "Connecting {View} as {Account} failed ({Status}): {Reason}")]
    public static partial void ViewFailed(ILogger logger, string view, string account, NtStatus status, string reason);
}
