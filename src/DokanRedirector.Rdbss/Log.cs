using Microsoft.Extensions.Logging;

namespace DokanRedirector.Rdbss;

internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Debug, "{Node}: construction finished with {Status}")]
    public static partial void Constructed(ILogger logger, string node, NtStatus status);

    [LoggerMessage(2, LogLevel.Debug, "{Node}: finalized (force: {Force})")]
    public static partial void Finalized(ILogger logger, string node, bool force);

    [LoggerMessage(3, LogLevel.Warning, "The mini-redirector threw from {Operation}; treated as {Status}")]
    public static partial void MiniRedirectorThrew(ILogger logger, Exception exception, string operation, NtStatus status);

    [LoggerMessage(4, LogLevel.Information, "Connected {LocalName} to {RemoteName}")]
    public static partial void Connected(ILogger logger, string localName, string remoteName);

    [LoggerMessage(5, LogLevel.Information, "Disconnected {LocalName} from {RemoteName} (force: {Force}, handles closed: {Closed})")]
    public static partial void Disconnected(ILogger logger, string localName, string remoteName, bool force, int closed);

    [LoggerMessage(6, LogLevel.Debug, "Scavenger finalized {Count} idle structures")]
    public static partial void Scavenged(ILogger logger, int count);
}
