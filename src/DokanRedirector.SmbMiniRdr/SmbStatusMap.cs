using System.Net.Sockets;
using DokanRedirector.Smb;
using DokanRedirector.Smb.Rpc;

namespace DokanRedirector.SmbMiniRdr;

/// <summary>
/// What the SMB client raises, as the NTSTATUS an MRx routine answers: statuses, not exceptions, cross
/// into the core. Cancellation and API misuse are not mapped (the core turns them into STATUS_CANCELLED
/// and STATUS_INTERNAL_ERROR).
/// </summary>
internal static class SmbStatusMap
{
    public static bool TryMap(Exception exception, out NtStatus status)
    {
        NtStatus? mapped = exception switch
        {
            SmbStatusException e => e.Status,
            SmbProtocolException => NtStatus.InvalidNetworkResponse,
            SmbException { InnerException: SocketException s } => FromSocket(s.SocketErrorCode),
            // A connection that broke, timed out or could not be made: the handle or view on it is gone.
            SmbException => NtStatus.ConnectionDisconnected,
            SmbRpcException => NtStatus.InvalidNetworkResponse,
            // The session logged off or the tree disconnected under the caller (a finalization raced it).
            ObjectDisposedException => NtStatus.ConnectionDisconnected,
            _ => null,
        };
        status = mapped.GetValueOrDefault();
        return mapped.HasValue;
    }

    /// <summary>Like <see cref="TryMap"/>, for connection set-up, where a failure means the server cannot be reached.</summary>
    public static NtStatus ForSetup(Exception exception) => exception switch
    {
        // No answer within the connect timeout: Windows' ERROR_BAD_NETPATH (TryMap would say disconnected).
        SmbException { InnerException: not SocketException } and not SmbProtocolException => NtStatus.BadNetworkPath,
        _ when TryMap(exception, out var status) => status,
        _ => NtStatus.UnexpectedNetworkError,
    };

    private static NtStatus FromSocket(SocketError error) => error switch
    {
        SocketError.ConnectionRefused => NtStatus.ConnectionRefused,
        SocketError.HostUnreachable => NtStatus.HostUnreachable,
        SocketError.NetworkUnreachable => NtStatus.NetworkUnreachable,
        SocketError.HostNotFound or SocketError.NoData or SocketError.TryAgain => NtStatus.BadNetworkPath,
        SocketError.TimedOut => NtStatus.IoTimeout,
        _ => NtStatus.ConnectionDisconnected,
    };
}
