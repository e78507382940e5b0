using DokanRedirector.Dokan.Native;
using DokanRedirector.Rdbss;
using DokanRedirector.Rdbss.Mrx;

namespace DokanRedirector.Dokan.FileSystem;

// ZwCreateFile, Cleanup, CloseFile: the life of a handle.
internal sealed partial class DokanFileSystem
{
    /// <summary>
    /// NtCreateFile, one to one: every disposition and option goes to the server, which answers
    /// STATUS_NOT_A_DIRECTORY / STATUS_FILE_IS_A_DIRECTORY for FILE_DIRECTORY_FILE / FILE_NON_DIRECTORY_FILE
    /// and STATUS_CANNOT_DELETE for FILE_DELETE_ON_CLOSE on a read-only file. The kernel sets DeletePending for
    /// FILE_DELETE_ON_CLOSE at the last Cleanup, which deletes (<see cref="Cleanup"/>).
    /// </summary>
    public NtStatus ZwCreateFile(string fileName, NtAccessMask desiredAccess, NtFileAttributes fileAttributes,
        NtShareAccess shareAccess, NtCreateDisposition disposition, NtCreateOptions options, ref DokanFileInfo info)
    {
        if (!TryResolve(fileName, out var path, out var invalid))
        {
            return invalid;
        }
        var parameters = new CreateParameters(desiredAccess, disposition, options, shareAccess, fileAttributes);
        var processId = (int)info.ProcessId;
        var opened = Run(ct => _redirector.CreateAsync(path, parameters, processId, ct), ref info);
        if (!opened.IsSuccess)
        {
            return opened.Status;
        }
        var file = opened.Value;
        _open[file.Handle] = new OpenFile(path, file.Information.IsDirectory);
        if (IsDisconnected)
        {
            // The unmount may have released the handles already: this one would outlive the volume.
            RequestWait.Wait(CloseHandleAsync(file.Handle), _timeout, ref info);
            return NtStatus.ConnectionDisconnected;
        }
        info.Context = (ulong)file.Handle;
        info.IsDirectory = file.Information.IsDirectory ? (byte)1 : (byte)0;
        return CreateAnswer.For(disposition, file.Action);
    }

    /// <summary>
    /// The last user handle is gone. dokan.h: with DeletePending set the object must be deleted now, and
    /// Cleanup cannot fail. The delete disposition goes on this handle, which is then closed so the name is
    /// gone when Cleanup returns, as on a local volume.
    /// </summary>
    public void Cleanup(string fileName, ref DokanFileInfo info)
    {
        if (info.DeletePending == 0 || info.Context == 0)
        {
            return;
        }
        var handle = HandleOf(info);
        var status = RequestWait.Wait(DeleteOnCleanupAsync(handle), _timeout, ref info);
        if (!status.IsSuccess)
        {
            Log.DeleteOnCleanupFailed(_log, fileName, status.Name);
        }
    }

    /// <summary>dokan.h: the end of the context; nothing of it may remain.</summary>
    public void CloseFile(string fileName, ref DokanFileInfo info)
    {
        if (info.Context != 0)
        {
            RequestWait.Wait(CloseHandleAsync(HandleOf(info)), _timeout, ref info);
            info.Context = 0;
        }
    }

    private async ValueTask<NtStatus> DeleteOnCleanupAsync(long handle)
    {
        if (!_open.TryGetValue(handle, out var file))
        {
            return NtStatus.InvalidHandle;
        }
        var status = await _redirector.SetInformationAsync(handle, new SetDisposition(DeletePending: true));
        await CloseHandleAsync(handle);
        if (status == NtStatus.AccessDenied)
        {
            // The last handle was opened without DELETE (another one asked for the delete): delete by name.
            status = await _redirector.DeleteAsync(file.Path);
        }
        return status;
    }
}
