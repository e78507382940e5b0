// MS-SMB2 3.2.4.18 Application Requests Change Notifications for a Directory; 3.3.5.19 (how the server answers)
using DokanRedirector.Smb.Messages;

namespace DokanRedirector.Smb;

public sealed partial class SmbFile
{
    /// <summary>
    /// Waits for the next batch of changes in this directory (CHANGE_NOTIFY). The server answers with an interim
    /// STATUS_PENDING and then holds the request until something matching <paramref name="filter"/> changes, which
    /// may be never: only the connection's AsyncRequestTimeout (infinite by default) bounds it, and
    /// <paramref name="ct"/> cancels it with SMB2 CANCEL (throwing <see cref="OperationCanceledException"/>; the
    /// connection and the handle stay usable).
    /// <para>
    /// The first request on a handle starts the watch, with its filter and <paramref name="watchTree"/>; the server
    /// ignores both in later requests (MS-SMB2 3.3.1.3). From then on it keeps the changes that happen while no
    /// request waits and hands them to the next one, so calling again right after each result misses nothing.
    /// Changes before the watch starts are not reported, and Samba 4.17 registers it with its notify daemon
    /// asynchronously: a change made right after the first call can go unseen (one time in six in a tight loop).
    /// </para>
    /// </summary>
    /// <param name="watchTree">Report changes anywhere below the directory (SMB2_WATCH_TREE), not only in it.</param>
    /// <param name="outputBufferLength">
    /// The most FILE_NOTIFY_INFORMATION bytes one answer may carry, from 1 to the connection's MaxTransactSize. It is
    /// charged as credits (MS-SMB2 3.2.4.1.5) for as long as the request waits. Changes that do not fit come back as
    /// STATUS_NOTIFY_ENUM_DIR.
    /// </param>
    /// <returns>The changes, or a status that says why there are none; see <see cref="SmbChangeNotification"/>.</returns>
    /// <exception cref="SmbStatusException">
    /// Any other status: STATUS_INVALID_PARAMETER when this is not a directory, STATUS_DELETE_PENDING (Samba) when the
    /// directory is being deleted, STATUS_ACCESS_DENIED when the open lacks FILE_LIST_DIRECTORY.
    /// </exception>
    public async Task<SmbChangeNotification> ChangeNotifyAsync(NtNotifyFilter filter, bool watchTree, int outputBufferLength, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfZero((uint)filter, nameof(filter));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(outputBufferLength);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(outputBufferLength, Connection.MaxTransactSize);
        var flags = watchTree ? SmbChangeNotifyFlags.WatchTree : SmbChangeNotifyFlags.None;
        using var response = await SendExpectSuccessAsync(new ChangeNotifyRequest(FileId, flags, outputBufferLength, filter), ct)
            .ConfigureAwait(false);
        var status = response.Status;
        // Informational, so not errors to SendAsync; their bodies are error responses, not CHANGE_NOTIFY ones.
        if (status == NtStatus.NotifyEnumDir || status == NtStatus.NotifyCleanup)
        {
            return new SmbChangeNotification(status, []);
        }
        if (status != NtStatus.Success)
        {
            // A warning (e.g. STATUS_BUFFER_OVERFLOW) is no answer MS-SMB2 3.3.5.19 gives to CHANGE_NOTIFY.
            throw new SmbStatusException(status, SmbCommand.ChangeNotify, Connection.Host, FullPath);
        }
        var output = OutputBufferResponse.Read(response.Message, SmbCommand.ChangeNotify).Output(response.Message);
        return new SmbChangeNotification(status, FileNotifyInformation.ReadAll(output));
    }
}
