using DokanRedirector.Dokan.Native;

namespace DokanRedirector.Dokan.FileSystem;

// LockFile, UnlockFile: byte-range locks go to the server (SMB2 LOCK), so other clients see them too.
internal sealed partial class DokanFileSystem
{
    /// <summary>
    /// Reached only with DOKAN_OPTION_FILELOCK_USER_MODE (dokan.h), which the mount sets. Dokan passes no
    /// flags, so this is Win32 LockFile's lock: exclusive, failing at once (STATUS_LOCK_NOT_GRANTED).
    /// </summary>
    public NtStatus LockFile(string fileName, long byteOffset, long length, ref DokanFileInfo info)
    {
        var handle = HandleOf(info);
        return Run(ct => _redirector.LockAsync(handle, byteOffset, length, exclusive: true, failImmediately: true, ct), ref info);
    }

    /// <summary>STATUS_RANGE_NOT_LOCKED when this handle holds no such range.</summary>
    public NtStatus UnlockFile(string fileName, long byteOffset, long length, ref DokanFileInfo info)
    {
        var handle = HandleOf(info);
        return Run(ct => _redirector.UnlockAsync(handle, byteOffset, length, ct), ref info);
    }
}
