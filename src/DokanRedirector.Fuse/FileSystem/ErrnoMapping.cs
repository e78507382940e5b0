using System.Collections.Frozen;
using DokanRedirector.Fuse.Native;

namespace DokanRedirector.Fuse.FileSystem;

/// <summary>
/// NTSTATUS → errno: the one table every FUSE reply uses. It follows the Linux CIFS client
/// (fs/smb/client/smb2maperror.c) where that is precise, with these choices (see docs/DECISIONS.md):
/// a sharing violation is EBUSY (the file is in use, as cifs says); a byte-range lock conflict is
/// EAGAIN (what read/write/fcntl give for a lock held by someone else); a lost connection, session or
/// share is ENOTCONN; an unreachable server is EHOSTUNREACH; an unknown share is ENOENT. Anything
/// else is EIO. STATUS_END_OF_FILE never gets here: a read answers it with 0 bytes.
/// </summary>
internal static class ErrnoMapping
{
    private static readonly FrozenDictionary<uint, int> Table = new (NtStatus Status, int Errno)[]
    {
        (NtStatus.ObjectNameNotFound, Errno.ENOENT),
        (NtStatus.ObjectPathNotFound, Errno.ENOENT),
        (NtStatus.NoSuchFile, Errno.ENOENT),
        (NtStatus.NotFound, Errno.ENOENT),
        (NtStatus.BadNetworkName, Errno.ENOENT),
        (NtStatus.DeletePending, Errno.ENOENT),
        (NtStatus.FileDeleted, Errno.ENOENT),
        (NtStatus.ObjectNameCollision, Errno.EEXIST),
        (NtStatus.AccessDenied, Errno.EACCES),
        (NtStatus.NetworkAccessDenied, Errno.EACCES),
        (NtStatus.CannotDelete, Errno.EACCES),
        (NtStatus.LogonFailure, Errno.EACCES),
        (NtStatus.WrongPassword, Errno.EACCES),
        (NtStatus.NoSuchUser, Errno.EACCES),
        (NtStatus.AccountDisabled, Errno.EACCES),
        (NtStatus.AccountLockedOut, Errno.EACCES),
        (NtStatus.AccountRestriction, Errno.EACCES),
        (NtStatus.PasswordExpired, Errno.EACCES),
        (NtStatus.PasswordMustChange, Errno.EACCES),
        (NtStatus.MediaWriteProtected, Errno.EROFS),
        (NtStatus.DirectoryNotEmpty, Errno.ENOTEMPTY),
        (NtStatus.SharingViolation, Errno.EBUSY),
        (NtStatus.FileLockConflict, Errno.EAGAIN),
        (NtStatus.LockNotGranted, Errno.EAGAIN),
        (NtStatus.ConnectionDisconnected, Errno.ENOTCONN),
        (NtStatus.ConnectionReset, Errno.ENOTCONN),
        (NtStatus.ConnectionAborted, Errno.ENOTCONN),
        (NtStatus.NetworkNameDeleted, Errno.ENOTCONN),
        (NtStatus.VolumeDismounted, Errno.ENOTCONN),
        (NtStatus.UserSessionDeleted, Errno.ENOTCONN),
        (NtStatus.NetworkSessionExpired, Errno.ENOTCONN),
        (NtStatus.BadNetworkPath, Errno.EHOSTUNREACH),
        (NtStatus.HostUnreachable, Errno.EHOSTUNREACH),
        (NtStatus.RemoteNotListening, Errno.EHOSTUNREACH),
        (NtStatus.NetworkUnreachable, Errno.ENETUNREACH),
        (NtStatus.ConnectionRefused, Errno.ECONNREFUSED),
        (NtStatus.IoTimeout, Errno.ETIMEDOUT),
        (NtStatus.FileIsADirectory, Errno.EISDIR),
        (NtStatus.NotADirectory, Errno.ENOTDIR),
        (NtStatus.DiskFull, Errno.ENOSPC),
        (NtStatus.NotSameDevice, Errno.EXDEV),
        (NtStatus.ObjectNameInvalid, Errno.EINVAL),
        (NtStatus.ObjectPathInvalid, Errno.EINVAL),
        (NtStatus.ObjectPathSyntaxBad, Errno.EINVAL),
        (NtStatus.InvalidParameter, Errno.EINVAL),
        (NtStatus.NameTooLong, Errno.ENAMETOOLONG),
        (NtStatus.Cancelled, Errno.EINTR),
        (NtStatus.InvalidHandle, Errno.EBADF),
        (NtStatus.FileClosed, Errno.EBADF),
        (NtStatus.NotSupported, Errno.EOPNOTSUPP),
        (NtStatus.NotImplemented, Errno.EOPNOTSUPP),
        (NtStatus.InvalidDeviceRequest, Errno.EOPNOTSUPP),
        (NtStatus.NoMemory, Errno.ENOMEM),
        (NtStatus.InsufficientResources, Errno.ENOMEM),
        (NtStatus.TooManyOpenedFiles, Errno.EMFILE),
    }.ToFrozenDictionary(p => p.Status.Value, p => p.Errno);

    /// <summary>The errno for a failed <paramref name="status"/> (positive, as fuse_reply_err takes it).</summary>
    public static int ToErrno(NtStatus status) => Table.GetValueOrDefault(status.Value, Errno.EIO);
}
