using System.Runtime.InteropServices;
using System.Text;
using DokanRedirector.Fuse.Native;
using Microsoft.Extensions.Logging;

namespace DokanRedirector.Fuse.Bridge;

/// <summary>
/// libfuse's own messages (fuse_log.h), which it would print to stderr: formatted with vsnprintf, sent to
/// our log, and kept per thread so a failed mount can say what libfuse said. The sink is process-wide,
/// so the most recent mount's logger receives them.
/// </summary>
internal static unsafe class LibFuseLog
{
    private const int MaxMessage = 1024;

    private static ILogger? _logger;
    private static int _installed;

    [ThreadStatic]
    private static string? _lastMessage;

    public static void Install(ILogger logger)
    {
        _logger = logger;
        if (Interlocked.Exchange(ref _installed, 1) == 0)
        {
            LibFuse.SetLogFunction(&Write);
        }
    }

    /// <summary>The last message libfuse logged on this thread, cleared.</summary>
    public static string? TakeLastMessage()
    {
        var message = _lastMessage;
        _lastMessage = null;
        return message;
    }

    // enum fuse_log_level: EMERG 0 … ERR 3, WARNING 4, NOTICE 5, INFO 6, DEBUG 7.
    private static LogLevel LevelOf(int level) => level switch
    {
        <= 3 => LogLevel.Error,
        4 => LogLevel.Warning,
        5 or 6 => LogLevel.Information,
        _ => LogLevel.Debug,
    };

    [UnmanagedCallersOnly]
    private static void Write(int level, byte* format, nint arguments)
    {
        try
        {
            var buffer = stackalloc byte[MaxMessage];
            var length = Libc.VsnPrintf(buffer, MaxMessage, format, arguments);
            var message = Encoding.UTF8.GetString(buffer, Math.Clamp(length, 0, MaxMessage - 1)).TrimEnd('\n');
            _lastMessage = message;
            if (_logger is { } logger)
            {
                Log.LibFuseMessage(logger, LevelOf(level), message);
            }
        }
        catch (Exception)
        {
            // A log line is not worth an exception in native code.
        }
    }
}
