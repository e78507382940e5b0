using DokanRedirector.Dokan.Native;
using DokanRedirector.Rdbss.Mrx;

namespace DokanRedirector.Dokan.FileSystem;

// DeleteFile, DeleteDirectory (checks only: the delete happens in Cleanup) and MoveFile.
internal sealed partial class DokanFileSystem
{
    /// <summary>
    /// dokan.h: check whether the file can be deleted, do not delete it. Called again with DeletePending clear
    /// when the delete is called off, which needs nothing here.
    /// </summary>
    public NtStatus DeleteFile(string fileName, ref DokanFileInfo info) => CheckDeletable(isDirectory: false, ref info);

    /// <summary>As <see cref="DeleteFile"/>; a directory must also be empty (STATUS_DIRECTORY_NOT_EMPTY).</summary>
    public NtStatus DeleteDirectory(string fileName, ref DokanFileInfo info) => CheckDeletable(isDirectory: true, ref info);

    /// <summary>FileRenameInformation on the open handle: the server answers STATUS_OBJECT_NAME_COLLISION when
    /// the target exists and <paramref name="replaceIfExisting"/> is false.</summary>
    public NtStatus MoveFile(string fileName, string newFileName, bool replaceIfExisting, ref DokanFileInfo info)
    {
        if (!TryResolve(newFileName, out var target, out var invalid))
        {
            return invalid;
        }
        var handle = HandleOf(info);
        var status = Run(ct => _redirector.SetInformationAsync(handle, new SetRename(target.SharePath, replaceIfExisting), ct), ref info);
        if (status.IsSuccess && _open.TryGetValue(handle, out var file))
        {
            _open[handle] = file with { Path = target };
        }
        return status;
    }

    private NtStatus CheckDeletable(bool isDirectory, ref DokanFileInfo info)
    {
        if (info.DeletePending == 0)
        {
            return NtStatus.Success;
        }
        var handle = HandleOf(info);
        return Run(ct => CheckDeletableAsync(handle, isDirectory, ct), ref info);
    }

    private async ValueTask<NtStatus> CheckDeletableAsync(long handle, bool isDirectory, CancellationToken ct)
    {
        var queried = await _redirector.QueryInformationAsync(handle, ct);
        if (!queried.IsSuccess)
        {
            return queried.Status;
        }
        if ((queried.Value.Attributes & NtFileAttributes.ReadOnly) != 0)
        {
            return NtStatus.CannotDelete;
        }
        if (!isDirectory)
        {
            return NtStatus.Success;
        }
        var listed = await ListAsync(handle, ct);
        if (!listed.IsSuccess)
        {
            return listed.Status;
        }
        return listed.Value!.TrueForAll(e => IsDotEntry(e.Name)) ? NtStatus.Success : NtStatus.DirectoryNotEmpty;
    }
}
