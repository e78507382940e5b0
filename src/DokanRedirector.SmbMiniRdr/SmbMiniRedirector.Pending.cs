using DokanRedirector.Rdbss;
using DokanRedirector.Rdbss.Mrx;
using DokanRedirector.Rdbss.Naming;
using DokanRedirector.Rdbss.Structures;

namespace DokanRedirector.SmbMiniRdr;

// Placeholder while the routines are written (this file goes away when they land).
public sealed partial class SmbMiniRedirector
{
    public NtStatus PreparseName(UncName name, out UncName effectiveName) => throw new NotImplementedException();
    public NtStatus ExtractNetRootName(UncName name, SrvCall srvCall, out int netRootComponentCount) => throw new NotImplementedException();
    public NtStatus CreateSrvCall(SrvCall srvCall, SrvCallCallbackContext callback) => throw new NotImplementedException();
    public NtStatus SrvCallWinnerNotify(SrvCall srvCall, bool thisMinirdrIsTheWinner, object? recommunicateContext) => throw new NotImplementedException();
    public NtStatus CreateVNetRoot(CreateNetRootContext context) => throw new NotImplementedException();
    public ValueTask<NtStatus> FinalizeVNetRoot(VNetRoot vNetRoot, bool force) => throw new NotImplementedException();
    public ValueTask<NtStatus> FinalizeNetRoot(NetRoot netRoot, bool force) => throw new NotImplementedException();
    public ValueTask<NtStatus> FinalizeSrvCall(SrvCall srvCall, bool force) => throw new NotImplementedException();
    public ValueTask<RxResult<CreateResponse>> Create(SrvOpen srvOpen, CancellationToken cancellationToken) => throw new NotImplementedException();
    public ValueTask<NtStatus> CloseSrvOpen(SrvOpen srvOpen, CancellationToken cancellationToken) => throw new NotImplementedException();
    public ValueTask<RxResult<int>> Read(SrvOpen srvOpen, long offset, Memory<byte> buffer, CancellationToken cancellationToken) => throw new NotImplementedException();
    public ValueTask<RxResult<int>> Write(SrvOpen srvOpen, long offset, ReadOnlyMemory<byte> data, CancellationToken cancellationToken) => throw new NotImplementedException();
    public ValueTask<NtStatus> Flush(SrvOpen srvOpen, CancellationToken cancellationToken) => throw new NotImplementedException();
    public ValueTask<RxResult<FileInformation>> QueryFileInfo(SrvOpen srvOpen, CancellationToken cancellationToken) => throw new NotImplementedException();
    public ValueTask<NtStatus> SetFileInfo(SrvOpen srvOpen, SetFileInfoRequest request, CancellationToken cancellationToken) => throw new NotImplementedException();
    public ValueTask<RxResult<IReadOnlyList<DirectoryEntry>>> QueryDirectory(SrvOpen srvOpen, string pattern, bool restartScan, CancellationToken cancellationToken) => throw new NotImplementedException();
    public ValueTask<NtStatus> Lock(SrvOpen srvOpen, long offset, long length, bool exclusive, bool failImmediately, CancellationToken cancellationToken) => throw new NotImplementedException();
    public ValueTask<NtStatus> Unlock(SrvOpen srvOpen, long offset, long length, CancellationToken cancellationToken) => throw new NotImplementedException();
    public ValueTask<RxResult<FileInformation>> QueryPathInfo(VNetRoot vNetRoot, string sharePath, CancellationToken cancellationToken) => throw new NotImplementedException();
    public ValueTask<RxResult<IReadOnlyList<NetShare>>> EnumerateShares(VNetRoot ipcView, CancellationToken cancellationToken) => throw new NotImplementedException();
    public ValueTask<RxResult<VolumeInformation>> QueryVolumeInfo(VNetRoot vNetRoot, CancellationToken cancellationToken) => throw new NotImplementedException();
}
