using Microsoft.Extensions.Logging;

namespace DokanRedirector.Cli;

/// <summary>Every log line of the CLI and its service (event ids 300–399). None takes a password.</summary>
internal static partial class Log
{
    [LoggerMessage(300, LogLevel.Information, "Listening on {Address} for {Owner}")]
    public static partial void ServiceListening(ILogger logger, string address, string owner);

    [LoggerMessage(301, LogLevel.Warning, "Refused a control connection from pid {ProcessId}, {Account}: only {Owner} may control this service")]
    public static partial void PeerRejected(ILogger logger, int processId, string account, string owner);

    [LoggerMessage(302, LogLevel.Debug, "{Request} from pid {ProcessId}, {Account}")]
    public static partial void RequestReceived(ILogger logger, string request, int processId, string account);

    [LoggerMessage(303, LogLevel.Error, "{Request} failed inside the service")]
    public static partial void RequestFailed(ILogger logger, Exception exception, string request);

    [LoggerMessage(304, LogLevel.Debug, "A control connection ended: {Reason}")]
    public static partial void ControlConnectionEnded(ILogger logger, string reason);

    [LoggerMessage(310, LogLevel.Information, "Mounted {RemoteName} at {MountPoint} as {User}")]
    public static partial void Mounted(ILogger logger, string remoteName, string mountPoint, string user);

    [LoggerMessage(311, LogLevel.Warning, "Could not mount {MountPoint}: {Reason}; its connection was dropped")]
    public static partial void MountFailed(ILogger logger, string mountPoint, string reason);

    [LoggerMessage(312, LogLevel.Warning, "Could not unmount {MountPoint}: {Reason}")]
    public static partial void UnmountFailed(ILogger logger, string mountPoint, string reason);

    [LoggerMessage(313, LogLevel.Information, "{MountPoint} was unmounted from outside; its connection is disconnected")]
    public static partial void UnmountedOutside(ILogger logger, string mountPoint);

    [LoggerMessage(314, LogLevel.Information, "Network root mounted at {MountPoint}")]
    public static partial void NetworkRootMounted(ILogger logger, string mountPoint);

    [LoggerMessage(315, LogLevel.Information, "Loaded credentials for {Count} servers from {Path}")]
    public static partial void CredentialsLoaded(ILogger logger, int count, string path);

    [LoggerMessage(316, LogLevel.Information, "Stopping: unmounting everything")]
    public static partial void ServiceStopping(ILogger logger);

    [LoggerMessage(320, LogLevel.Information, "Started the service (pid {ProcessId}); its log is {LogFile}")]
    public static partial void ServiceStarted(ILogger logger, int processId, string logFile);
}
