using System.Buffers;
using DokanRedirector.Fuse.Native;
using DokanRedirector.Rdbss;
using DokanRedirector.Rdbss.Mrx;

namespace DokanRedirector.Fuse.FileSystem;

// opendir, readdir, readdirplus, releasedir, mkdir.
internal sealed partial class FuseFileSystem
{
    /// <summary>st_ino for an entry whose inode the kernel does not have (fuse.c's FUSE_UNKNOWN_INO).</summary>
    private const ulong UnknownIno = 0xFFFFFFFF;

    public void OpenDirectory(FuseRequest request, ulong ino) =>
        Start(request, OpenDirectoryAsync(request, ino), "opendir");

    private async ValueTask OpenDirectoryAsync(FuseRequest request, ulong ino)
    {
        var path = _inodes.PathOf(ino);
        if (!TryResolve(path, out var netPath, out var errno))
        {
            request.ReplyError(errno);
            return;
        }
        long handle;
        if (netPath is null)
        {
            handle = Interlocked.Decrement(ref _lastOwnDirectoryHandle);
        }
        else
        {
            var opened = await _redirector.CreateAsync(netPath.Value, CreateMapping.OpenDirectory, request.ProcessId, Lifetime);
            if (!opened.IsSuccess)
            {
                request.ReplyStatus(opened.Status);
                return;
            }
            handle = opened.Value.Handle;
        }
        _openDirectories[handle] = new DirectoryHandle(ino, path!, isOwn: netPath is null);
        if (request.ReplyOpen(new FuseFileInfo { Handle = (ulong)handle }) != 0)
        {
            await CloseDirectoryAsync(handle);
        }
    }

    public void ReadDirectory(FuseRequest request, long handle, int size, long offset, bool plus) =>
        Start(request, ReadDirectoryAsync(request, handle, size, offset, plus), plus ? "readdirplus" : "readdir");

    private async ValueTask ReadDirectoryAsync(FuseRequest request, long handle, int size, long offset, bool plus)
    {
        using var interrupt = _interrupts.Begin(request);
        if (!_openDirectories.TryGetValue(handle, out var directory))
        {
            request.ReplyError(Errno.EBADF);
            return;
        }
        var listing = directory.Listing;
        if (offset == 0)
        {
            // Offset 0 (a first read or a rewinddir) reads the whole directory; later pages come from it.
            var loaded = directory.IsOwn ? await ListOwnDirectoryAsync(directory.Path, interrupt.Token) : await ListAsync(handle, interrupt.Token);
            if (!loaded.IsSuccess)
            {
                request.ReplyStatus(loaded.Status);
                return;
            }
            directory.Listing = listing = loaded.Value!;
        }
        ReplyDirectoryPage(request, directory, listing, (int)Math.Min(offset, int.MaxValue), size, plus);
        if (plus && !directory.IsOwn)
        {
            Watch(directory.Ino); // the kernel caches the page's names and attributes
        }
    }

    private async ValueTask<RxResult<DirectoryListing>> ListAsync(long handle, CancellationToken ct)
    {
        var entries = new List<DirectoryEntry>();
        for (var restart = true; ; restart = false)
        {
            var batch = await _redirector.QueryDirectoryAsync(handle, "*", restart, ct);
            if (batch.Status == NtStatus.NoMoreFiles)
            {
                return DirectoryListing.From(entries);
            }
            if (!batch.IsSuccess)
            {
                return batch.Status;
            }
            entries.AddRange(batch.Value!);
        }
    }

    private async ValueTask<RxResult<DirectoryListing>> ListOwnDirectoryAsync(string path, CancellationToken ct)
    {
        var names = await _namespace.ListOwnDirectoryAsync(path, ct);
        if (!names.IsSuccess)
        {
            return names.Status;
        }
        var directory = new FileInformation(_created, _created, _created, _created, 0, 0, NtFileAttributes.Directory, 0);
        var entries = new List<DirectoryEntry>(names.Value!.Count);
        foreach (var name in names.Value)
        {
            entries.Add(new DirectoryEntry(name, directory));
        }
        return DirectoryListing.From(entries);
    }

    /// <summary>
    /// Fills one reply of at most <paramref name="size"/> bytes from <paramref name="offset"/> on. With
    /// readdirplus each entry carries its attributes and counts a lookup (fuse_lowlevel.h), so `ls -l`
    /// needs no LOOKUP per file; "." and "..", the network root's own directories (whose attributes only a
    /// lookup knows) and files with writes in flight go without (ino 0: the kernel then only lists the name).
    /// </summary>
    private unsafe void ReplyDirectoryPage(FuseRequest request, DirectoryHandle directory, DirectoryListing listing,
        int offset, int size, bool plus)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(size);
        try
        {
            nuint used = 0;
            fixed (byte* start = buffer)
            {
                for (var i = offset; i < listing.Entries.Count; i++)
                {
                    var entry = listing.Entries[i];
                    var room = (nuint)size - used;
                    nuint needed;
                    fixed (byte* name = entry.Utf8Name)
                    {
                        if (plus)
                        {
                            var ino = entry.IsDotEntry || directory.IsOwn ? 0 : _inodes.Lookup(directory.Ino, entry.Name);
                            if (ino != 0 && _inodes.WritesOf(ino, create: false) is { IsIdle: false })
                            {
                                _inodes.Forget(ino, 1); // the listing's size is behind our writes: no attributes
                                ino = 0;
                            }
                            var param = ino == 0
                                ? new FuseEntryParam { Attributes = DirentStat(directory, entry) }
                                : Entry(ino, _stat.From(ino, entry.Information));
                            needed = LibFuse.AddDirEntryPlus(request.Handle, start + used, room, name, &param, i + 1);
                            if (needed > room)
                            {
                                _inodes.Forget(ino, 1); // not added: not counted
                                break;
                            }
                            if (ino != 0)
                            {
                                _inodes.Remember(ino, entry.Information.LastWriteTime, entry.Information.EndOfFile);
                            }
                        }
                        else
                        {
                            var stat = DirentStat(directory, entry);
                            needed = LibFuse.AddDirEntry(request.Handle, start + used, room, name, &stat, i + 1);
                            if (needed > room)
                            {
                                break;
                            }
                        }
                    }
                    used += needed;
                }
            }
            request.ReplyBuffer(buffer.AsSpan(0, (int)used));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>What a plain dirent carries: the inode number (if the kernel has one) and the type.</summary>
    private Stat DirentStat(DirectoryHandle directory, DirectoryListing.Entry entry)
    {
        var ino = entry.Name switch
        {
            "." => directory.Ino,
            ".." => UnknownIno,
            _ => _inodes.Find(directory.Ino, entry.Name) is var known and not 0 ? known : UnknownIno,
        };
        return new Stat { Inode = ino, Mode = entry.IsDotEntry || entry.Information.IsDirectory ? Stat.IFDIR : Stat.IFREG };
    }

    public void ReleaseDirectory(FuseRequest request, long handle) =>
        Start(request, ReleaseDirectoryAsync(request, handle), "releasedir");

    private async ValueTask ReleaseDirectoryAsync(FuseRequest request, long handle)
    {
        await CloseDirectoryAsync(handle);
        request.ReplyError(0);
    }

    private async ValueTask CloseDirectoryAsync(long handle)
    {
        if (_openDirectories.TryRemove(handle, out _) && handle > 0)
        {
            await _redirector.CloseAsync(handle);
        }
    }

    public void MakeDirectory(FuseRequest request, ulong parent, string name) =>
        Start(request, MakeDirectoryAsync(request, parent, name), "mkdir");

    private async ValueTask MakeDirectoryAsync(FuseRequest request, ulong parent, string name)
    {
        if (!TryResolveOnShare(_inodes.PathOf(parent, name), Errno.EPERM, out var netPath, out var errno))
        {
            request.ReplyError(errno);
            return;
        }
        var created = await _redirector.CreateAsync(netPath, CreateMapping.MakeDirectory, request.ProcessId, Lifetime);
        if (!created.IsSuccess)
        {
            request.ReplyStatus(created.Status);
            return;
        }
        await _redirector.CloseAsync(created.Value.Handle);
        ReplyEntry(request, parent, name, created.Value.Information);
    }
}
