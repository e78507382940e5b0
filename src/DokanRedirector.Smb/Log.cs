using DokanRedirector.Smb.Crypto;
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
}
