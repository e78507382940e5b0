using Microsoft.Extensions.Logging;

namespace DokanRedirector.Fuse;

/// <summary>The FUSE front end's log messages: event ids 200–299. Paths and names only, never credentials.</summary>
internal static partial class Log
{
    [LoggerMessage(200, LogLevel.Information, "Mounted {Source} at {MountPoint} (FUSE connection {ConnectionId})")]
    public static partial void Mounted(ILogger logger, string source, string mountPoint, int connectionId);

    [LoggerMessage(201, LogLevel.Information, "Unmounting {MountPoint} (force: {Force})")]
    public static partial void Unmounting(ILogger logger, string mountPoint, bool force);

    [LoggerMessage(202, LogLevel.Information, "The FUSE session of {MountPoint} ended ({Result}); closed {Handles} handles the kernel still held")]
    public static partial void SessionEnded(ILogger logger, string mountPoint, int result, int handles);

    [LoggerMessage(203, LogLevel.Error, "FUSE {Operation} threw; answered EIO")]
    public static partial void HandlerFailed(ILogger logger, Exception exception, string operation);

    [LoggerMessage(204, LogLevel.Debug, "FUSE init: protocol 7.{Minor}, capable 0x{Capable:X}, want 0x{Want:X}, max_write {MaxWrite}, max_readahead {MaxReadahead}")]
    public static partial void Initialized(ILogger logger, uint minor, uint capable, uint want, uint maxWrite, uint maxReadahead);

    [LoggerMessage(205, LogLevel.Warning, "Aborted FUSE connection {ConnectionId} of {MountPoint}: pending and later calls fail with ENOTCONN")]
    public static partial void ConnectionAborted(ILogger logger, int connectionId, string mountPoint);

    [LoggerMessage(206, LogLevel.Warning, "Could not abort FUSE connection {ConnectionId} of {MountPoint}; unmounting lazily only")]
    public static partial void AbortFailed(ILogger logger, Exception exception, int connectionId, string mountPoint);

    [LoggerMessage(208, LogLevel.Debug, "Could not raise the readahead of {MountPoint} (needs root); sequential reads will be slower")]
    public static partial void ReadAheadUnchanged(ILogger logger, string mountPoint);

    [LoggerMessage(EventId = 207, Message = "libfuse: {Message}")]
    public static partial void LibFuseMessage(ILogger logger, LogLevel level, string message);

    [LoggerMessage(209, LogLevel.Debug, "Cannot watch {Directory} for changes ({Status}); its cache lasts its lifetime")]
    public static partial void WatchFailed(ILogger logger, string directory, string status);

    [LoggerMessage(210, LogLevel.Warning, "The change watch of directory inode {Ino} failed")]
    public static partial void WatchEnded(ILogger logger, Exception exception, ulong ino);
}
