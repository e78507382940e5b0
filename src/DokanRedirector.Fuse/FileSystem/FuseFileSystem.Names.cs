using DokanRedirector.Fuse.Native;

namespace DokanRedirector.Fuse.FileSystem;

// unlink, rmdir, rename: the kernel updates its own dentries after our reply, so no notify is needed.
internal sealed partial class FuseFileSystem
{
    /// <summary>unlink and rmdir alike: the delete disposition; a non-empty directory answers ENOTEMPTY.</summary>
    public void Remove(FuseRequest request, ulong parent, string name, string operation) =>
        Start(request, RemoveAsync(request, parent, name), operation);

    private async ValueTask RemoveAsync(FuseRequest request, ulong parent, string name)
    {
        if (!TryResolveOnShare(_inodes.PathOf(parent, name), Errno.EPERM, out var netPath, out var errno))
        {
            request.ReplyError(errno);
            return;
        }
        await WritesSettledAsync(parent, name);
        var status = await _redirector.DeleteAsync(netPath, Lifetime);
        if (status.IsSuccess)
        {
            _inodes.Unlink(parent, name);
        }
        request.ReplyStatus(status);
    }

    /// <summary>rename(2) replaces an existing target, as POSIX requires; RENAME_NOREPLACE does not
    /// (EEXIST). RENAME_EXCHANGE has no SMB counterpart (EINVAL, as file systems without it answer).</summary>
    public void Rename(FuseRequest request, ulong parent, string name, ulong newParent, string newName, uint flags) =>
        Start(request, RenameAsync(request, parent, name, newParent, newName, flags), "rename");

    private async ValueTask RenameAsync(FuseRequest request, ulong parent, string name, ulong newParent, string newName, uint flags)
    {
        if ((flags & OpenFlags.RenameExchange) != 0)
        {
            request.ReplyError(Errno.EINVAL);
            return;
        }
        if (!TryResolveOnShare(_inodes.PathOf(parent, name), Errno.EPERM, out var from, out var errno)
            || !TryResolveOnShare(_inodes.PathOf(newParent, newName), Errno.EPERM, out var to, out errno))
        {
            request.ReplyError(errno);
            return;
        }
        await WritesSettledAsync(parent, name);
        await WritesSettledAsync(newParent, newName);
        var replace = (flags & OpenFlags.RenameNoReplace) == 0;
        var status = await _redirector.RenameAsync(from, to, replace, Lifetime);
        if (status.IsSuccess)
        {
            _inodes.Rename(parent, name, newParent, newName);
        }
        request.ReplyStatus(status);
    }
}
