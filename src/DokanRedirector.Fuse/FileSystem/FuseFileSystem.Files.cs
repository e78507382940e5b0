using System.Buffers;
using DokanRedirector.Fuse.Native;
using DokanRedirector.Rdbss;

namespace DokanRedirector.Fuse.FileSystem;

// open, create, read, write, flush, fsync, release.
internal sealed partial class FuseFileSystem
{
    public void Open(FuseRequest request, ulong ino, int flags) =>
        Start(request, OpenAsync(request, ino, flags), "open");

    private async ValueTask OpenAsync(FuseRequest request, ulong ino, int flags)
    {
        if (!TryResolveOnShare(_inodes.PathOf(ino), Errno.EISDIR, out var netPath, out var errno))
        {
            request.ReplyError(errno);
            return;
        }
        var opened = await _redirector.CreateAsync(netPath, CreateMapping.Open(flags), request.ProcessId, Lifetime);
        if (!opened.IsSuccess)
        {
            request.ReplyStatus(opened.Status);
            return;
        }
        var (handle, _, info) = opened.Value;
        _openFiles[handle] = ino;
        // Close-to-open consistency: cached pages stay only if the file is as the kernel last saw it.
        var unchanged = _inodes.Remember(ino, info.LastWriteTime, info.EndOfFile);
        var fileInfo = new FuseFileInfo { Handle = (ulong)handle, Bits = unchanged ? FuseFileInfo.KeepCache : 0 };
        if (request.ReplyOpen(fileInfo) != 0)
        {
            await CloseFileAsync(handle); // fuse_lowlevel.h: a failed open reply means no release will come
        }
    }

    public void Create(FuseRequest request, ulong parent, string name, int flags) =>
        Start(request, CreateAsync(request, parent, name, flags), "create");

    private async ValueTask CreateAsync(FuseRequest request, ulong parent, string name, int flags)
    {
        if (!TryResolveOnShare(_inodes.PathOf(parent, name), Errno.EPERM, out var netPath, out var errno))
        {
            request.ReplyError(errno);
            return;
        }
        var opened = await _redirector.CreateAsync(netPath, CreateMapping.Create(flags), request.ProcessId, Lifetime);
        if (!opened.IsSuccess)
        {
            request.ReplyStatus(opened.Status);
            return;
        }
        var (handle, _, info) = opened.Value;
        var ino = _inodes.Lookup(parent, name);
        if (ino == 0)
        {
            request.ReplyError(Errno.ENOENT); // the parent was forgotten meanwhile
            await _redirector.CloseAsync(handle);
            return;
        }
        _openFiles[handle] = ino;
        if (request.ReplyCreate(Entry(ino, Remembered(ino, info)), new FuseFileInfo { Handle = (ulong)handle }) != 0)
        {
            _inodes.Forget(ino, 1);
            await CloseFileAsync(handle);
        }
    }

    public void Read(FuseRequest request, long handle, int size, long offset) =>
        Start(request, ReadAsync(request, handle, size, offset), "read");

    private async ValueTask ReadAsync(FuseRequest request, long handle, int size, long offset)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(size);
        try
        {
            // A short reply means end of file to the kernel, so read until full or at the end.
            var total = 0;
            while (total < size)
            {
                var read = await _redirector.ReadAsync(handle, offset + total, buffer.AsMemory(total, size - total), Lifetime);
                if (read.Status == NtStatus.EndOfFile || (read.IsSuccess && read.Value == 0))
                {
                    break;
                }
                if (!read.IsSuccess)
                {
                    request.ReplyStatus(read.Status);
                    return;
                }
                total += read.Value;
            }
            request.ReplyBuffer(buffer.AsSpan(0, total));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>write: <paramref name="data"/> is a pooled copy (the request's own buffer is reused by libfuse
    /// as soon as the handler returns); this method returns it to the pool.</summary>
    public void Write(FuseRequest request, long handle, byte[] data, int size, long offset) =>
        Start(request, WriteAsync(request, handle, data, size, offset), "write");

    private async ValueTask WriteAsync(FuseRequest request, long handle, byte[] data, int size, long offset)
    {
        try
        {
            var total = 0;
            while (total < size)
            {
                var written = await _redirector.WriteAsync(handle, offset + total, data.AsMemory(total, size - total), Lifetime);
                if (!written.IsSuccess || written.Value == 0)
                {
                    request.ReplyStatus(written.IsSuccess ? NtStatus.DiskFull : written.Status);
                    return;
                }
                total += written.Value;
            }
            request.ReplyWrite(total);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(data);
        }
    }

    /// <summary>flush (every close(2)): writes are sent as they come (no write-back cache), so nothing is
    /// left to push. fsync is what asks the server to make the data durable.</summary>
    public static void Flush(FuseRequest request) => request.ReplyError(0);

    public void FSync(FuseRequest request, long handle) =>
        Start(request, FSyncAsync(request, handle), "fsync");

    private async ValueTask FSyncAsync(FuseRequest request, long handle) =>
        request.ReplyStatus(await _redirector.FlushAsync(handle, Lifetime));

    public void Release(FuseRequest request, long handle) =>
        Start(request, ReleaseAsync(request, handle), "release");

    private async ValueTask ReleaseAsync(FuseRequest request, long handle)
    {
        await CloseFileAsync(handle);
        request.ReplyError(0);
    }

    private async ValueTask CloseFileAsync(long handle)
    {
        if (_openFiles.TryRemove(handle, out _))
        {
            await _redirector.CloseAsync(handle);
        }
    }
}
