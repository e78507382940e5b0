using DokanRedirector.Rdbss;
using DokanRedirector.Rdbss.Mrx;
using DokanRedirector.Rdbss.Naming;
using DokanRedirector.Rdbss.Structures;

namespace DokanRedirector.Cli.Tests.Support;

/// <summary>
/// Just enough of a mini-redirector for the service: any server answers, <see cref="Password"/> is the only
/// password it takes, shares in <see cref="MissingShares"/> do not exist, and every open succeeds (so a test
/// can hold files open). File I/O is not the CLI's business and is not supported.
/// </summary>
internal sealed class StubMiniRedirector : IMiniRedirector
{
    public const string Password = "s3cret pass";

    public HashSet<string> MissingShares { get; } = new(StringComparer.OrdinalIgnoreCase);

    public NtStatus PreparseName(UncName name, out UncName effectiveName)
    {
        effectiveName = name;
        return NtStatus.Success;
    }

    public NtStatus ExtractNetRootName(UncName name, SrvCall srvCall, out int netRootComponentCount)
    {
        netRootComponentCount = 2;
        return NtStatus.Success;
    }

    public NtStatus CreateSrvCall(SrvCall srvCall, SrvCallCallbackContext callback) => NtStatus.Success;

    public NtStatus SrvCallWinnerNotify(SrvCall srvCall, bool thisMinirdrIsTheWinner, object? recommunicateContext) => NtStatus.Success;

    public NtStatus CreateVNetRoot(CreateNetRootContext context)
    {
        var status = MissingShares.Contains(context.NetRoot.Share) ? NtStatus.BadNetworkName
            : context.VNetRoot.Credentials?.Password != Password ? NtStatus.LogonFailure
            : NtStatus.Success;
        context.Complete(status, status);
        return NtStatus.Pending;
    }

    public ValueTask<NtStatus> FinalizeVNetRoot(VNetRoot vNetRoot, bool force) => ValueTask.FromResult(NtStatus.Success);

    public ValueTask<NtStatus> FinalizeNetRoot(NetRoot netRoot, bool force) => ValueTask.FromResult(NtStatus.Success);

    public ValueTask<NtStatus> FinalizeSrvCall(SrvCall srvCall, bool force) => ValueTask.FromResult(NtStatus.Success);

    public ValueTask<RxResult<CreateResponse>> Create(SrvOpen srvOpen, CancellationToken cancellationToken) =>
        ValueTask.FromResult(RxResult<CreateResponse>.Ok(new CreateResponse(NtCreateAction.Opened, default)));

    public ValueTask<NtStatus> CloseSrvOpen(SrvOpen srvOpen, CancellationToken cancellationToken) => ValueTask.FromResult(NtStatus.Success);

    public ValueTask<RxResult<int>> Read(SrvOpen srvOpen, long offset, Memory<byte> buffer, CancellationToken cancellationToken) =>
        throw new NotSupportedException();

    public ValueTask<RxResult<int>> Write(SrvOpen srvOpen, long offset, ReadOnlyMemory<byte> data, CancellationToken cancellationToken) =>
        throw new NotSupportedException();

    public ValueTask<NtStatus> Flush(SrvOpen srvOpen, CancellationToken cancellationToken) => throw new NotSupportedException();

    public ValueTask<RxResult<FileInformation>> QueryFileInfo(SrvOpen srvOpen, CancellationToken cancellationToken) =>
        throw new NotSupportedException();

    public ValueTask<NtStatus> SetFileInfo(SrvOpen srvOpen, SetFileInfoRequest request, CancellationToken cancellationToken) =>
        throw new NotSupportedException();

    public ValueTask<RxResult<IReadOnlyList<DirectoryEntry>>> QueryDirectory(SrvOpen srvOpen, string pattern, bool restartScan,
        CancellationToken cancellationToken) => throw new NotSupportedException();

    public ValueTask<NtStatus> Lock(SrvOpen srvOpen, long offset, long length, bool exclusive, bool failImmediately,
        CancellationToken cancellationToken) => throw new NotSupportedException();

    public ValueTask<NtStatus> Unlock(SrvOpen srvOpen, long offset, long length, CancellationToken cancellationToken) =>
        throw new NotSupportedException();

    public ValueTask<RxResult<FileInformation>> QueryPathInfo(VNetRoot vNetRoot, string sharePath, CancellationToken cancellationToken) =>
        throw new NotSupportedException();

    public ValueTask<RxResult<IReadOnlyList<NetShare>>> EnumerateShares(VNetRoot ipcView, CancellationToken cancellationToken) =>
        throw new NotSupportedException();

    public ValueTask<RxResult<VolumeInformation>> QueryVolumeInfo(VNetRoot vNetRoot, CancellationToken cancellationToken) =>
        throw new NotSupportedException();
}
