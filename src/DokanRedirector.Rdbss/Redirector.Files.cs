using System.Buffers;
using DokanRedirector.Rdbss.Mrx;
using DokanRedirector.Rdbss.Structures;

namespace DokanRedirector.Rdbss;

// File operations: path-based create (→ a handle id), then operations on the handle.
public sealed partial class Redirector
{
    /// <summary>NtCreateFile: opens or creates <paramref name="path"/>, returning a handle id.</summary>
    public ValueTask<RxResult<OpenedFile>> CreateAsync(NetPath path, CreateParameters parameters,
        int processId = 0, CancellationToken cancellationToken = default) =>
        CreateAsync(path, parameters, processId, isWatch: false, cancellationToken);

    private async ValueTask<RxResult<OpenedFile>> CreateAsync(NetPath path, CreateParameters parameters,
        int processId, bool isWatch, CancellationToken cancellationToken)
    {
        var resolved = await ResolveAsync(path, cancellationToken);
        if (!resolved.IsSuccess)
        {
            return resolved.Status;
        }
        var (v, effective) = resolved.Value;
        try
        {
            return await OpenAsync(v, effective, parameters, processId, isWatch, cancellationToken);
        }
        finally
        {
            await ReleaseAsync(v);
        }
    }

    private async ValueTask<RxResult<OpenedFile>> OpenAsync(VNetRoot v, NetPath path, CreateParameters parameters,
        int processId, bool isWatch, CancellationToken ct)
    {
        var netRoot = v.NetRoot;
        var fcb = netRoot.FcbTable.Acquire(netRoot, path.SharePath);
        v.Reference();
        var srvOpen = new SrvOpen(fcb, v, parameters);
        var created = await CallAsync(() => _mrx.Create(srvOpen, ct), nameof(IMiniRedirector.Create));
        if (!created.IsSuccess)
        {
            await ReleaseSrvOpenAsync(srvOpen);
            return created.Status;
        }
        var fobx = new Fobx(Interlocked.Increment(ref _lastHandleId), srvOpen, path.Name.ToString(), processId, isWatch);
        bool registered;
        // Shared lock: a forced finalization (exclusive) either sees this handle or finds the view Closed first.
        using (_table.EnterShared())
        {
            registered = v.Condition == Condition.Good;
            if (registered)
            {
                v.Fobxs[fobx.Id] = fobx;
                _handles[fobx.Id] = fobx;
            }
        }
        if (!registered)
        {
            fobx.TryLeaveOpen(FobxState.Closed);
            fobx.Release();
            await FinalizeFobxAsync(fobx);
            return NtStatus.ConnectionDisconnected;
        }
        return RxResult<OpenedFile>.Ok(new OpenedFile(fobx.Id, created.Value.Action, created.Value.Information));
    }

    /// <summary>CloseHandle: always succeeds on a known handle, orphaned or not.</summary>
    public async ValueTask<NtStatus> CloseAsync(long handle)
    {
        if (!_handles.TryRemove(handle, out var fobx))
        {
            return NtStatus.InvalidHandle;
        }
        // An orphaned handle was already closed on the server; only its tombstone goes.
        if (fobx.TryLeaveOpen(FobxState.Closed) && fobx.Release())
        {
            await FinalizeFobxAsync(fobx);
        }
        return NtStatus.Success;
    }

    public ValueTask<RxResult<int>> ReadAsync(long handle, long offset, Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        WithFobxAsync(handle, (f, ct) => _mrx.Read(f.SrvOpen, offset, buffer, ct), nameof(IMiniRedirector.Read), cancellationToken);

    /// <summary>
    /// A read whose data comes in the mini-redirector's own memory (<see cref="IMiniRedirector.ReadBuffer"/>): up to
    /// <paramref name="length"/> bytes, maybe fewer before the end of the file; STATUS_END_OF_FILE at or past it.
    /// On success the caller owns the buffer and disposes it once; a failure carries none.
    /// </summary>
    public ValueTask<RxResult<IMemoryOwner<byte>>> ReadBufferAsync(long handle, long offset, int length, CancellationToken cancellationToken = default) =>
        WithFobxAsync(handle, (f, ct) => _mrx.ReadBuffer(f.SrvOpen, offset, length, ct), nameof(IMiniRedirector.ReadBuffer), cancellationToken);

    public ValueTask<RxResult<int>> WriteAsync(long handle, long offset, ReadOnlyMemory<byte> data, CancellationToken cancellationToken = default) =>
        WithFobxAsync(handle, (f, ct) => _mrx.Write(f.SrvOpen, offset, data, ct), nameof(IMiniRedirector.Write), cancellationToken);

    public ValueTask<RxResult<FileInformation>> QueryInformationAsync(long handle, CancellationToken cancellationToken = default) =>
        WithFobxAsync(handle, (f, ct) => _mrx.QueryFileInfo(f.SrvOpen, ct), nameof(IMiniRedirector.QueryFileInfo), cancellationToken);

    /// <summary>The next batch of a directory listing; STATUS_NO_MORE_FILES at the end.</summary>
    public ValueTask<RxResult<IReadOnlyList<DirectoryEntry>>> QueryDirectoryAsync(long handle, string pattern = "*",
        bool restartScan = false, CancellationToken cancellationToken = default) =>
        WithFobxAsync(handle, (f, ct) => _mrx.QueryDirectory(f.SrvOpen, pattern, restartScan, ct),
            nameof(IMiniRedirector.QueryDirectory), cancellationToken);

    public ValueTask<NtStatus> SetInformationAsync(long handle, SetFileInfoRequest request, CancellationToken cancellationToken = default) =>
        WithFobxAsync(handle, (f, ct) => _mrx.SetFileInfo(f.SrvOpen, request, ct), nameof(IMiniRedirector.SetFileInfo), cancellationToken);

    public ValueTask<NtStatus> FlushAsync(long handle, CancellationToken cancellationToken = default) =>
        WithFobxAsync(handle, (f, ct) => _mrx.Flush(f.SrvOpen, ct), nameof(IMiniRedirector.Flush), cancellationToken);

    public ValueTask<NtStatus> LockAsync(long handle, long offset, long length, bool exclusive, bool failImmediately,
        CancellationToken cancellationToken = default) =>
        WithFobxAsync(handle, (f, ct) => _mrx.Lock(f.SrvOpen, offset, length, exclusive, failImmediately, ct),
            nameof(IMiniRedirector.Lock), cancellationToken);

    public ValueTask<NtStatus> UnlockAsync(long handle, long offset, long length, CancellationToken cancellationToken = default) =>
        WithFobxAsync(handle, (f, ct) => _mrx.Unlock(f.SrvOpen, offset, length, ct), nameof(IMiniRedirector.Unlock), cancellationToken);

    /// <summary>Size, free space and file-system facts of the share <paramref name="path"/> is on.</summary>
    public ValueTask<RxResult<VolumeInformation>> QueryVolumeAsync(NetPath path, CancellationToken cancellationToken = default) =>
        WithViewAsync(path, (v, _) => _mrx.QueryVolumeInfo(v, cancellationToken), nameof(IMiniRedirector.QueryVolumeInfo), cancellationToken);

    /// <summary>The attributes of <paramref name="path"/>, without a handle (a stat). Cheaper than create +
    /// query + close: the mini-redirector does it in one round trip where it can.</summary>
    public ValueTask<RxResult<FileInformation>> QueryPathInformationAsync(NetPath path, CancellationToken cancellationToken = default) =>
        WithViewAsync(path, (v, p) => _mrx.QueryPathInfo(v, p.SharePath, cancellationToken), nameof(IMiniRedirector.QueryPathInfo), cancellationToken);

    /// <summary>Resolves <paramref name="path"/> to its view and runs a view-level MRx routine on it.</summary>
    private async ValueTask<RxResult<T>> WithViewAsync<T>(NetPath path, Func<VNetRoot, NetPath, ValueTask<RxResult<T>>> routine,
        string name, CancellationToken ct)
    {
        var resolved = await ResolveAsync(path, ct);
        if (!resolved.IsSuccess)
        {
            return resolved.Status;
        }
        var (v, effective) = resolved.Value;
        try
        {
            return await CallAsync(() => routine(v, effective), name);
        }
        finally
        {
            await ReleaseAsync(v);
        }
    }

    /// <summary>
    /// Runs <paramref name="operation"/> with an operation reference on the handle. An orphaned handle
    /// answers STATUS_CONNECTION_DISCONNECTED at once, and one orphaned mid-operation is cancelled and
    /// answers the same. A success passes through as it is, so a buffer it carries always reaches the caller.
    /// </summary>
    private async ValueTask<RxResult<T>> WithFobxAsync<T>(long handle, Func<Fobx, CancellationToken, ValueTask<RxResult<T>>> operation,
        string name, CancellationToken ct)
    {
        if (!_handles.TryGetValue(handle, out var fobx))
        {
            return NtStatus.InvalidHandle;
        }
        if (!fobx.TryAcquire())
        {
            return fobx.State == FobxState.Orphaned ? NtStatus.ConnectionDisconnected : NtStatus.FileClosed;
        }
        try
        {
            using var linked = ct.CanBeCanceled ? CancellationTokenSource.CreateLinkedTokenSource(ct, fobx.OrphanedToken) : null;
            var result = await CallAsync(() => operation(fobx, linked?.Token ?? fobx.OrphanedToken), name);
            return fobx.State == FobxState.Orphaned && !result.IsSuccess ? NtStatus.ConnectionDisconnected : result;
        }
        finally
        {
            if (fobx.Release())
            {
                await FinalizeFobxAsync(fobx);
            }
        }
    }

    private async ValueTask<NtStatus> WithFobxAsync(long handle, Func<Fobx, CancellationToken, ValueTask<NtStatus>> operation,
        string name, CancellationToken ct) =>
        (await WithFobxAsync<bool>(handle, async (f, t) => await operation(f, t), name, ct)).Status;

    /// <summary>Calls an MRx routine; cancellation becomes STATUS_CANCELLED and an exception (a
    /// mini-redirector bug) STATUS_INTERNAL_ERROR.</summary>
    private async ValueTask<RxResult<T>> CallAsync<T>(Func<ValueTask<RxResult<T>>> routine, string operation)
    {
        try
        {
            return await routine();
        }
        catch (OperationCanceledException)
        {
            return NtStatus.Cancelled;
        }
        catch (Exception e)
        {
            Log.MiniRedirectorThrew(_log, e, operation, NtStatus.InternalError);
            return NtStatus.InternalError;
        }
    }
}
