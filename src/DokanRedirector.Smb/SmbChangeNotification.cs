// MS-SMB2 2.2.35 CompletionFilter and 3.2.4.18 Application Requests Change Notifications for a Directory
namespace DokanRedirector.Smb;

/// <summary>
/// The outcome of one CHANGE_NOTIFY (<see cref="SmbFile.ChangeNotifyAsync"/>), by <see cref="Status"/>:
/// <list type="bullet">
/// <item><see cref="NtStatus.Success"/>: <see cref="Changes"/> in the order they happened (possibly empty).</item>
/// <item><see cref="NtStatus.NotifyEnumDir"/>: more changes than the output buffer (or the server's queue for the
/// handle) holds; <see cref="Changes"/> is empty and the directory must be listed again. Samba 4.17 answers so when
/// the waiting changes do not fit, e.g. 2,000 new files against 64 KiB, or one long name against 16 bytes.</item>
/// <item><see cref="NtStatus.NotifyCleanup"/>: the handle was closed while the request waited (Samba 4.17 answers so
/// when our own CLOSE arrives); <see cref="Changes"/> is empty.</item>
/// </list>
/// Anything else is an <see cref="SmbStatusException"/>, e.g. STATUS_DELETE_PENDING from Samba when the watched
/// directory is being deleted.
/// </summary>
public sealed record SmbChangeNotification(NtStatus Status, IReadOnlyList<FileNotifyInformation> Changes);
