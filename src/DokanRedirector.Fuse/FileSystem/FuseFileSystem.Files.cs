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
        await WritesSettledAsync(ino);
        var opened = await _redirector.CreateAsync(netPath, CreateMapping.Open(flags), request.ProcessId, Lifetime);
        if (!opened.IsSuccess)
        {
            request.ReplyStatus(opened.Status);
            return;
        }
        var (handle, _, info) = opened.Value;
        _openFiles[handle] = ino;
        // Close-to-open consistency: cached pages stay only if the file is as the kernel last saw it. If it is
        // not, its cached attributes are stale too, for up to the attribute timeout. Kernel 6.18 refreshes the
        // size before reading past it by itself; the invalidation makes every kernel ask again, and makes the
        // next stat show the file as the open found it.
        var unchanged = _inodes.Remember(ino, info.LastWriteTime, info.EndOfFile);
        if (!unchanged)
        {
            Session?.InvalidateAttributes(ino);
        }
        var fileInfo = new FuseFileInfo { Handle = (ulong)handle, Bits = CachingBits(flags, keepCache: unchanged) };
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
        var fileInfo = new FuseFileInfo { Handle = (ulong)handle, Bits = CachingBits(flags, keepCache: false) };
        if (request.ReplyCreate(Entry(ino, Remembered(ino, info)), fileInfo) != 0)
        {
            _inodes.Forget(ino, 1);
            await CloseFileAsync(handle);
        }
    }

    /// <summary>
    /// How the kernel caches an open's data. A write-only open bypasses the page cache (FOPEN_DIRECT_IO): write(2)
    /// hands us the writer's own pages instead of copies in newly allocated cache pages, which made a 256 MiB dd
    /// about a quarter faster. It gives up nothing: such a file can never be mapped (mmap(2) needs read access),
    /// nothing reads through it, and the kernel drops other opens' cached pages of the range it writes
    /// (fuse_direct_io, Linux 6.6 on; before that, AutoInvalData drops them at the write's new mtime).
    /// </summary>
    private static uint CachingBits(int flags, bool keepCache) =>
        ((flags & OpenFlags.AccessModeMask) == OpenFlags.WriteOnly ? FuseFileInfo.DirectIo : 0)
        | (keepCache ? FuseFileInfo.KeepCache : 0);

    public void Read(FuseRequest request, ulong ino, long handle, int size, long offset) =>
        Start(request, ReadAsync(request, ino, handle, size, offset), "read");

    private async ValueTask ReadAsync(FuseRequest request, ulong ino, long handle, int size, long offset)
    {
        using var interrupt = _interrupts.Begin(request);
        await WritesSettledAsync(ino);
        using var data = new ReadReply();
        // A short reply means end of file to the kernel, so read until full or at the end (one read, as a rule).
        while (data.Length < size)
        {
            var read = await _redirector.ReadBufferAsync(handle, offset + data.Length, size - data.Length, interrupt.Token);
            if (read.Status == NtStatus.EndOfFile)
            {
                break;
            }
            if (!read.IsSuccess)
            {
                request.ReplyStatus(read.Status);
                return;
            }
            var buffer = read.Value!;
            data.Add(buffer);
            if (buffer.Memory.IsEmpty)
            {
                break;
            }
        }
        data.Send(request);
    }

    /// <summary>write: <paramref name="data"/> is a pooled copy (the request's own buffer is reused by libfuse
    /// as soon as the handler returns), returned to the pool once written. Answered when the write is
    /// started, not done (<see cref="InodeWrites"/>).</summary>
    public void Write(FuseRequest request, ulong ino, long handle, byte[] data, int size, long offset) =>
        Start(request, WriteAsync(request, ino, handle, data, size, offset), "write");

    private async ValueTask WriteAsync(FuseRequest request, ulong ino, long handle, byte[] data, int size, long offset)
    {
        var writes = _inodes.WritesOf(ino, create: true);
        var failure = writes?.TakeFailure() ?? NtStatus.InvalidHandle;
        if (writes is null || !failure.IsSuccess)
        {
            ArrayPool<byte>.Shared.Return(data);
            request.ReplyStatus(failure);
            return;
        }
        try
        {
            using var interrupt = _interrupts.Begin(request);
            await writes.EnterAsync(offset, size, interrupt.Token);
        }
        catch (OperationCanceledException)
        {
            ArrayPool<byte>.Shared.Return(data);
            request.ReplyStatus(NtStatus.Cancelled);
            return;
        }
        _pending.Add(); // the session's end waits for the write too
        request.ReplyWrite(size);
        _ = WriteBehindAsync(writes, handle, data, size, offset);
    }

    private async Task WriteBehindAsync(InodeWrites writes, long handle, byte[] data, int size, long offset)
    {
        var status = NtStatus.Success;
        try
        {
            for (var total = 0; total < size && status.IsSuccess;)
            {
                // Not cancelled with the session: write(2) already returned, so the data must reach the server
                // (a dead connection fails it within the SMB request timeout instead).
                var written = await _redirector.WriteAsync(handle, offset + total, data.AsMemory(total, size - total), CancellationToken.None);
                status = !written.IsSuccess ? written.Status : written.Value == 0 ? NtStatus.DiskFull : NtStatus.Success;
                total += written.Value;
            }
        }
        catch (Exception e)
        {
            Log.HandlerFailed(_log, e, "write");
            status = NtStatus.InternalError;
        }
        finally
        {
            writes.Exit(status);
            ArrayPool<byte>.Shared.Return(data);
            _pending.Done();
        }
    }

    /// <summary>flush (every close(2)): waits for the writes still in flight and reports a failed one, so
    /// close(2) returns it.</summary>
    public void Flush(FuseRequest request, ulong ino) =>
        Start(request, FlushAsync(request, ino), "flush");

    private async ValueTask FlushAsync(FuseRequest request, ulong ino) =>
        request.ReplyStatus(await WritesDoneAsync(ino));

    /// <summary>fsync: the writes in flight, then SMB FLUSH so the server makes the data durable.</summary>
    public void FSync(FuseRequest request, ulong ino, long handle) =>
        Start(request, FSyncAsync(request, ino, handle), "fsync");

    private async ValueTask FSyncAsync(FuseRequest request, ulong ino, long handle)
    {
        var written = await WritesDoneAsync(ino);
        request.ReplyStatus(written.IsSuccess ? await _redirector.FlushAsync(handle, Lifetime) : written);
    }

    public void Release(FuseRequest request, ulong ino, long handle) =>
        Start(request, ReleaseAsync(request, ino, handle), "release");

    private async ValueTask ReleaseAsync(FuseRequest request, ulong ino, long handle)
    {
        await WritesSettledAsync(ino);
        _flocks.TryRemove(handle, out _);
        await CloseFileAsync(handle);
        request.ReplyError(0);
    }

    private async ValueTask<NtStatus> WritesDoneAsync(ulong ino)
    {
        if (_inodes.WritesOf(ino, create: false) is not { } writes)
        {
            return NtStatus.Success;
        }
        await writes.WhenIdleAsync();
        return writes.TakeFailure();
    }

    private async ValueTask CloseFileAsync(long handle)
    {
        if (_openFiles.TryRemove(handle, out _))
        {
            await _redirector.CloseAsync(handle);
        }
    }
}
