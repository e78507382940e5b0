using DokanRedirector.Dokan.Native;
using DokanRedirector.Rdbss.Mrx;

namespace DokanRedirector.Dokan.FileSystem;

// DeleteFile, DeleteDirectory (the delete disposition; the delete completes in Cleanup) and MoveFile.
internal sealed partial class DokanFileSystem
{
    /// <summary>
    /// dokan.h: say whether the file can be deleted; DeletePending clear means the delete was called off.
    /// This is FileDispositionInformation, so it goes to the server as such (MS-FSCC 2.4.11): the server answers
    /// STATUS_CANNOT_DELETE for a read-only file and STATUS_DIRECTORY_NOT_EMPTY for a directory with entries,
    /// as NTFS does when the disposition is set, and Cleanup then finds the name already marked.
    /// </summary>
    public NtStatus DeleteFile(string fileName, ref DokanFileInfo info) => SetDeleteDisposition(ref info);

    /// <inheritdoc cref="DeleteFile"/>
    public NtStatus DeleteDirectory(string fileName, ref DokanFileInfo info) => SetDeleteDisposition(ref info);

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

    private NtStatus SetDeleteDisposition(ref DokanFileInfo info) =>
        SetInformation(new SetDisposition(DeletePending: info.DeletePending != 0), ref info);
}
