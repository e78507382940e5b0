using DokanRedirector.Smb.Crypto;
using DokanRedirector.Smb.Messages;
using Microsoft.Extensions.Logging;

namespace DokanRedirector.Smb;

internal static partial class Log
{
    [LoggerMessage(101, LogLevel.Information, "Connected to {Endpoint}: SMB {Dialect}, signing {Signing}, cipher {Cipher}, max read/write {MaxRead}/{MaxWrite}")]
    public static partial void Negotiated(ILogger logger, string endpoint, SmbDialect dialect, SmbSigningAlgorithm signing, SmbCipher cipher, int maxRead, int maxWrite);

    [LoggerMessage(102, LogLevel.Warning, "The connection to {Endpoint} broke: {Reason}")]
    public static partial void Broken(ILogger logger, string endpoint, string reason);

    [LoggerMessage(103, LogLevel.Information, "Session 0x{SessionId:X} on {Endpoint} for {Account}: signed {Signed}, guest {Guest}, encrypt data {Encrypt}")]
    public static partial void SessionEstablished(ILogger logger, ulong sessionId, string endpoint, string account, bool signed, bool guest, bool encrypt);

    [LoggerMessage(104, LogLevel.Information, "Reconnecting to {Endpoint} (connection {Count})")]
    public static partial void Reconnecting(ILogger logger, string endpoint, int count);

    [LoggerMessage(105, LogLevel.Debug, "Closed the connection to {Endpoint}")]
    public static partial void Closed(ILogger logger, string endpoint);

    [LoggerMessage(110, LogLevel.Debug, "{Endpoint} breaks the {Kind} of {Path} from {From} to {To}")]
    public static partial void BreakReceived(ILogger logger, string endpoint, string kind, string path, SmbLeaseState from, SmbLeaseState to);

    [LoggerMessage(111, LogLevel.Debug, "Dropped a break from {Endpoint} for {Target}, which no open here holds")]
    public static partial void BreakForUnknownOpen(ILogger logger, string endpoint, string target);

    [LoggerMessage(112, LogLevel.Debug, "Dropped an unsolicited {Command} from {Endpoint}: only OPLOCK_BREAK may come unasked")]
    public static partial void UnsolicitedDropped(ILogger logger, string endpoint, SmbCommand command);

    [LoggerMessage(113, LogLevel.Warning, "The break handler of {Path} failed; the break is acknowledged anyway")]
    public static partial void BreakHandlerFailed(ILogger logger, string path, Exception exception);

    [LoggerMessage(114, LogLevel.Debug, "Acknowledged the break of {Path}: {Command} answered {Status}")]
    public static partial void BreakAcknowledged(ILogger logger, string path, SmbCommand command, NtStatus status);

    [LoggerMessage(115, LogLevel.Debug, "Closing {Path}: its CREATE succeeded after the caller gave up")]
    public static partial void ClosingOrphanedOpen(ILogger logger, string path);
}
