using DokanRedirector.Dokan.FileSystem;
using Microsoft.Extensions.Logging;

namespace DokanRedirector.Dokan;

/// <summary>The Dokan front end's log messages: event ids 500–599. Paths and names only, never credentials.</summary>
internal static partial class Log
{
    [LoggerMessage(500, LogLevel.Information, "Mounted {Source} at {MountPoint} (Dokan)")]
    public static partial void Mounted(ILogger logger, string source, string mountPoint);

    [LoggerMessage(501, LogLevel.Information, "Dokan unmounted {LocalName}; {Handles} handles were still open")]
    public static partial void Unmounted(ILogger logger, string localName, int handles);

    [LoggerMessage(502, LogLevel.Warning, "{LocalName} disconnected: later calls answer STATUS_CONNECTION_DISCONNECTED ({Handles} handles open)")]
    public static partial void Disconnected(ILogger logger, string localName, int handles);

    [LoggerMessage(503, LogLevel.Error, "Dokan {Operation} threw; answered STATUS_INTERNAL_ERROR")]
    public static partial void CallbackFailed(ILogger logger, Exception exception, string operation);

    [LoggerMessage(504, LogLevel.Warning, "Could not delete {FileName} in Cleanup: {Status}")]
    public static partial void DeleteOnCleanupFailed(ILogger logger, string fileName, string status);

    [LoggerMessage(505, LogLevel.Debug, "SetFileSecurity({Requested}) on {FileName} accepted and not kept (no ACLs on this volume)")]
    public static partial void SecurityIgnored(ILogger logger, string fileName, SecurityInformation requested);

    [LoggerMessage(506, LogLevel.Information, "Unmounting {MountPoint} (force: {Force})")]
    public static partial void Unmounting(ILogger logger, string mountPoint, bool force);

    [LoggerMessage(507, LogLevel.Information, "The Dokan volume {MountPoint} ended; closed {Handles} handles Windows still held")]
    public static partial void Ended(ILogger logger, string mountPoint, int handles);

    [LoggerMessage(508, LogLevel.Error, "Waiting for the Dokan volume {MountPoint} to end failed")]
    public static partial void WaitFailed(ILogger logger, Exception exception, string mountPoint);
}
