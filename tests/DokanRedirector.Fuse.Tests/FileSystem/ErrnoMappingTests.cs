using DokanRedirector.Fuse.FileSystem;

namespace DokanRedirector.Fuse.Tests.FileSystem;

public sealed class ErrnoMappingTests
{
    private static IEnumerable<TestCaseData> Cases()
    {
        // errno values: asm-generic/errno-base.h and errno.h.
        yield return new TestCaseData(NtStatus.ObjectNameNotFound, 2).SetArgDisplayNames("OBJECT_NAME_NOT_FOUND → ENOENT");
        yield return new TestCaseData(NtStatus.ObjectPathNotFound, 2).SetArgDisplayNames("OBJECT_PATH_NOT_FOUND → ENOENT");
        yield return new TestCaseData(NtStatus.NoSuchFile, 2).SetArgDisplayNames("NO_SUCH_FILE → ENOENT");
        yield return new TestCaseData(NtStatus.BadNetworkName, 2).SetArgDisplayNames("BAD_NETWORK_NAME → ENOENT");
        yield return new TestCaseData(NtStatus.ObjectNameCollision, 17).SetArgDisplayNames("OBJECT_NAME_COLLISION → EEXIST");
        yield return new TestCaseData(NtStatus.AccessDenied, 13).SetArgDisplayNames("ACCESS_DENIED → EACCES");
        yield return new TestCaseData(NtStatus.DirectoryNotEmpty, 39).SetArgDisplayNames("DIRECTORY_NOT_EMPTY → ENOTEMPTY");
        yield return new TestCaseData(NtStatus.SharingViolation, 16).SetArgDisplayNames("SHARING_VIOLATION → EBUSY");
        yield return new TestCaseData(NtStatus.FileLockConflict, 11).SetArgDisplayNames("FILE_LOCK_CONFLICT → EAGAIN");
        yield return new TestCaseData(NtStatus.LockNotGranted, 11).SetArgDisplayNames("LOCK_NOT_GRANTED → EAGAIN");
        yield return new TestCaseData(NtStatus.ConnectionDisconnected, 107).SetArgDisplayNames("CONNECTION_DISCONNECTED → ENOTCONN");
        yield return new TestCaseData(NtStatus.NetworkNameDeleted, 107).SetArgDisplayNames("NETWORK_NAME_DELETED → ENOTCONN");
        yield return new TestCaseData(NtStatus.VolumeDismounted, 107).SetArgDisplayNames("VOLUME_DISMOUNTED → ENOTCONN");
        yield return new TestCaseData(NtStatus.UserSessionDeleted, 107).SetArgDisplayNames("USER_SESSION_DELETED → ENOTCONN");
        yield return new TestCaseData(NtStatus.BadNetworkPath, 113).SetArgDisplayNames("BAD_NETWORK_PATH → EHOSTUNREACH");
        yield return new TestCaseData(NtStatus.HostUnreachable, 113).SetArgDisplayNames("HOST_UNREACHABLE → EHOSTUNREACH");
        yield return new TestCaseData(NtStatus.ConnectionRefused, 111).SetArgDisplayNames("CONNECTION_REFUSED → ECONNREFUSED");
        yield return new TestCaseData(NtStatus.FileIsADirectory, 21).SetArgDisplayNames("FILE_IS_A_DIRECTORY → EISDIR");
        yield return new TestCaseData(NtStatus.NotADirectory, 20).SetArgDisplayNames("NOT_A_DIRECTORY → ENOTDIR");
        yield return new TestCaseData(NtStatus.DiskFull, 28).SetArgDisplayNames("DISK_FULL → ENOSPC");
        yield return new TestCaseData(NtStatus.NotSameDevice, 18).SetArgDisplayNames("NOT_SAME_DEVICE → EXDEV");
        yield return new TestCaseData(NtStatus.ObjectNameInvalid, 22).SetArgDisplayNames("OBJECT_NAME_INVALID → EINVAL");
        yield return new TestCaseData(NtStatus.NameTooLong, 36).SetArgDisplayNames("NAME_TOO_LONG → ENAMETOOLONG");
        yield return new TestCaseData(NtStatus.Cancelled, 4).SetArgDisplayNames("CANCELLED → EINTR");
        yield return new TestCaseData(NtStatus.MediaWriteProtected, 30).SetArgDisplayNames("MEDIA_WRITE_PROTECTED → EROFS");
        yield return new TestCaseData(NtStatus.InternalError, 5).SetArgDisplayNames("INTERNAL_ERROR → EIO (default)");
        yield return new TestCaseData(new NtStatus(0xC0FFEE00), 5).SetArgDisplayNames("unknown → EIO");
    }

    [TestCaseSource(nameof(Cases))]
    public void ToErrno_MapsTheStatus(NtStatus status, int errno) =>
        Assert.That(ErrnoMapping.ToErrno(status), Is.EqualTo(errno));
}
