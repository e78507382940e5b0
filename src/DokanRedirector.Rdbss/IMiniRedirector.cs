using System.Buffers;
using DokanRedirector.Rdbss.Mrx;
using DokanRedirector.Rdbss.Naming;
using DokanRedirector.Rdbss.Structures;

namespace DokanRedirector.Rdbss;

/// <summary>
/// The MRx dispatch table (MINIRDR_DISPATCH): what a mini-redirector implements for the core.
/// Statuses, not exceptions, cross this boundary. The core never holds its locks while calling here.
/// </summary>
public interface IMiniRedirector
{
    /// <summary>MRxPreparseName: a chance to rewrite a name before the prefix table sees it (e.g. DFS).</summary>
    NtStatus PreparseName(UncName name, out UncName effectiveName);

    /// <summary>MRxExtractNetRootName: how many leading components name the NetRoot (2 = server\share).</summary>
    NtStatus ExtractNetRootName(UncName name, SrvCall srvCall, out int netRootComponentCount);

    /// <summary>MRxCreateSrvCall: answer STATUS_PENDING and complete through
    /// <paramref name="callback"/> later (any other answer is taken as the outcome).</summary>
    NtStatus CreateSrvCall(SrvCall srvCall, SrvCallCallbackContext callback);

    /// <summary>MRxSrvCallWinnerNotify: the SrvCall is this mini-redirector's; set up its context.</summary>
    NtStatus SrvCallWinnerNotify(SrvCall srvCall, bool thisMinirdrIsTheWinner, object? recommunicateContext);

    /// <summary>MRxCreateVNetRoot: answer STATUS_PENDING and complete through the context with separate
    /// NetRoot and VNetRoot statuses. <see cref="CreateNetRootContext.NetRootIsNew"/> tells a first view
    /// of a share from another view (other credentials or sub-path) of an existing one.</summary>
    NtStatus CreateVNetRoot(CreateNetRootContext context);

    /// <summary>MRxFinalizeVNetRoot. The core ignores the answer, as RDBSS does.</summary>
    ValueTask<NtStatus> FinalizeVNetRoot(VNetRoot vNetRoot, bool force);

    /// <summary>MRxFinalizeNetRoot, after its last VNetRoot. The core ignores the answer.</summary>
    ValueTask<NtStatus> FinalizeNetRoot(NetRoot netRoot, bool force);

    /// <summary>MRxFinalizeSrvCall, after its last NetRoot and the scavenger's idle delay.</summary>
    ValueTask<NtStatus> FinalizeSrvCall(SrvCall srvCall, bool force);

    /// <summary>MRxCreate: open <c>srvOpen.Fcb.Path</c> with <c>srvOpen.Parameters</c> as
    /// <c>srvOpen.VNetRoot</c>'s user, setting <c>srvOpen.Context</c>.</summary>
    ValueTask<RxResult<CreateResponse>> Create(SrvOpen srvOpen, CancellationToken cancellationToken);

    /// <summary>MRxCloseSrvOpen.</summary>
    ValueTask<NtStatus> CloseSrvOpen(SrvOpen srvOpen, CancellationToken cancellationToken);

    /// <summary>MRxRead: bytes read; 0 with STATUS_END_OF_FILE at or past the end.</summary>
    ValueTask<RxResult<int>> Read(SrvOpen srvOpen, long offset, Memory<byte> buffer, CancellationToken cancellationToken);

    /// <summary>
    /// MRxRead into memory of the mini-redirector's own: up to <paramref name="length"/> bytes at
    /// <paramref name="offset"/>; STATUS_END_OF_FILE at or past the end. It may answer fewer bytes before the end
    /// (one protocol request's worth), so a caller that wants them all reads on. On success the caller owns the
    /// buffer and disposes it once; a failure carries none. By default <see cref="Read"/> fills a pooled array;
    /// a mini-redirector whose data arrives in pooled memory anyway (a receive frame) hands that over instead,
    /// sparing a copy of every byte read.
    /// </summary>
    ValueTask<RxResult<IMemoryOwner<byte>>> ReadBuffer(SrvOpen srvOpen, long offset, int length, CancellationToken cancellationToken) =>
        PooledReadBuffer.ReadAsync(this, srvOpen, offset, length, ArrayPool<byte>.Shared, cancellationToken);

    /// <summary>MRxWrite: bytes written.</summary>
    ValueTask<RxResult<int>> Write(SrvOpen srvOpen, long offset, ReadOnlyMemory<byte> data, CancellationToken cancellationToken);

    /// <summary>MRxFlush.</summary>
    ValueTask<NtStatus> Flush(SrvOpen srvOpen, CancellationToken cancellationToken);

    /// <summary>MRxQueryFileInfo.</summary>
    ValueTask<RxResult<FileInformation>> QueryFileInfo(SrvOpen srvOpen, CancellationToken cancellationToken);

    /// <summary>MRxSetFileInfo.</summary>
    ValueTask<NtStatus> SetFileInfo(SrvOpen srvOpen, SetFileInfoRequest request, CancellationToken cancellationToken);

    /// <summary>MRxQueryDirectory: the next batch of entries matching <paramref name="pattern"/>
    /// (Windows wildcards), never "." or ".." (each front end adds what its platform expects); a batch may be
    /// empty. STATUS_NO_MORE_FILES when done.</summary>
    ValueTask<RxResult<IReadOnlyList<DirectoryEntry>>> QueryDirectory(
        SrvOpen srvOpen, string pattern, bool restartScan, CancellationToken cancellationToken);

    /// <summary>
    /// MRxLowIOSubmit[LOWIO_OP_NOTIFY_CHANGE_DIRECTORY]: waits for the next changes below a directory handle and
    /// answers them. STATUS_NOTIFY_ENUM_DIR (no changes listed): more changed than could be told, list again.
    /// STATUS_NOTIFY_CLEANUP: the handle was closed. A mini-redirector without it answers STATUS_NOT_SUPPORTED.
    /// </summary>
    ValueTask<RxResult<IReadOnlyList<DirectoryChange>>> NotifyChangeDirectory(SrvOpen srvOpen, NtNotifyFilter filter,
        bool watchTree, CancellationToken cancellationToken) =>
        ValueTask.FromResult<RxResult<IReadOnlyList<DirectoryChange>>>(NtStatus.NotSupported);

    /// <summary>MRxLocks (LOWIO_OP_SHAREDLOCK / EXCLUSIVELOCK).</summary>
    ValueTask<NtStatus> Lock(SrvOpen srvOpen, long offset, long length, bool exclusive, bool failImmediately,
        CancellationToken cancellationToken);

    /// <summary>MRxLocks (LOWIO_OP_UNLOCK).</summary>
    ValueTask<NtStatus> Unlock(SrvOpen srvOpen, long offset, long length, CancellationToken cancellationToken);

    /// <summary>The attributes of <paramref name="sharePath"/> without leaving it open: one compound
    /// CREATE + QUERY_INFO + CLOSE on SMB2, Windows' IRP_MJ_QUERY_OPEN. Opens no SrvOpen.</summary>
    ValueTask<RxResult<FileInformation>> QueryPathInfo(VNetRoot vNetRoot, string sharePath, CancellationToken cancellationToken);

    /// <summary>The shares the view's server offers (NetShareEnum over <paramref name="ipcView"/>, a view
    /// of <c>\\server\IPC$</c>), as a network provider's NPEnumResource lists them.</summary>
    ValueTask<RxResult<IReadOnlyList<NetShare>>> EnumerateShares(VNetRoot ipcView, CancellationToken cancellationToken);

    /// <summary>MRxQueryVolumeInfo for the share a view is on.</summary>
    ValueTask<RxResult<VolumeInformation>> QueryVolumeInfo(VNetRoot vNetRoot, CancellationToken cancellationToken);
}
