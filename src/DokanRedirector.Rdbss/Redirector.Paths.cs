using DokanRedirector.Rdbss.Mrx;

namespace DokanRedirector.Rdbss;

// Path-based conveniences built from create + one handle operation + close, as the Windows I/O
// manager does for MoveFile and DeleteFile.
public sealed partial class Redirector
{
    private static readonly CreateParameters OpenForDelete =
        new(NtAccessMask.Delete | NtAccessMask.ReadAttributes | NtAccessMask.Synchronize, NtCreateDisposition.Open);

    /// <summary>MoveFileEx: renames within one share (STATUS_NOT_SAME_DEVICE across shares).</summary>
    public ValueTask<NtStatus> RenameAsync(NetPath from, NetPath to, bool replaceIfExists, CancellationToken cancellationToken = default)
    {
        if (from.Device != to.Device || from.Name.Take(2) != to.Name.Take(2))
        {
            return ValueTask.FromResult(NtStatus.NotSameDevice);
        }
        return WithOpenAsync(from, OpenForDelete,
            handle => SetInformationAsync(handle, new SetRename(to.SharePath, replaceIfExists), cancellationToken), cancellationToken);
    }

    /// <summary>DeleteFile / RemoveDirectory: sets the delete disposition, so a non-empty directory
    /// fails with STATUS_DIRECTORY_NOT_EMPTY.</summary>
    public ValueTask<NtStatus> DeleteAsync(NetPath path, CancellationToken cancellationToken = default) =>
        WithOpenAsync(path, OpenForDelete,
            handle => SetInformationAsync(handle, new SetDisposition(DeletePending: true), cancellationToken), cancellationToken);

    private async ValueTask<NtStatus> WithOpenAsync(NetPath path, CreateParameters parameters,
        Func<long, ValueTask<NtStatus>> operation, CancellationToken ct)
    {
        var opened = await CreateAsync(path, parameters, cancellationToken: ct);
        if (!opened.IsSuccess)
        {
            return opened.Status;
        }
        try
        {
            return await operation(opened.Value.Handle);
        }
        finally
        {
            await CloseAsync(opened.Value.Handle);
        }
    }
}
