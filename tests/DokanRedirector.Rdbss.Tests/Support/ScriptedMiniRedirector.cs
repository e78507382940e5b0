using System.Collections.Concurrent;
using DokanRedirector.Rdbss.Mrx;
using DokanRedirector.Rdbss.Naming;
using DokanRedirector.Rdbss.Structures;

namespace DokanRedirector.Rdbss.Tests.Support;

/// <summary>
/// An in-memory mini-redirector for core tests: it completes construction asynchronously (the pending +
/// callback contract), can be delayed or made to fail per call, counts every call, keeps files in memory,
/// and records every node it saw so tests can check that all of them were finalized.
/// </summary>
internal sealed class ScriptedMiniRedirector : IMiniRedirector
{
    private readonly ConcurrentDictionary<string, int> _calls = new();
    private readonly ConcurrentDictionary<string, byte[]> _files = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<SrvOpen, byte> _openOnServer = new();
    private readonly ConcurrentQueue<string> _finalizations = new();
    private readonly ConcurrentBag<NetNode> _nodes = [];

    /// <summary>Outcome of CreateSrvCall per server; awaited before the callback (so it can be delayed).</summary>
    public Func<SrvCall, Task<NtStatus>> SrvCallOutcome { get; set; } = _ => Task.FromResult(NtStatus.Success);

    /// <summary>Outcome of CreateVNetRoot (NetRootStatus, VirtualNetRootStatus).</summary>
    public Func<CreateNetRootContext, Task<(NtStatus, NtStatus)>> VNetRootOutcome { get; set; } =
        _ => Task.FromResult((NtStatus.Success, NtStatus.Success));

    /// <summary>Runs before each read, with the operation's token (to hold a read in flight).</summary>
    public Func<CancellationToken, Task> BeforeRead { get; set; } = _ => Task.CompletedTask;

    /// <summary>Answers NotifyChangeDirectory, with the operation's token; by default nothing ever changes.</summary>
    public Func<CancellationToken, Task<IReadOnlyList<DirectoryChange>>> Notify { get; set; } = async ct =>
    {
        await Task.Delay(Timeout.Infinite, ct);
        return [];
    };

    public List<CreateNetRootContext> CreateContexts { get; } = [];

    public int Calls(string routine) => _calls.GetValueOrDefault(routine);

    /// <summary>Finalize calls in order, e.g. "VNetRoot \s\sh force".</summary>
    public IReadOnlyList<string> Finalizations => [.. _finalizations];

    public IReadOnlyCollection<NetNode> Nodes => _nodes;

    public int OpenOnServer => _openOnServer.Count;

    /// <summary>The opens not closed yet, to call a routine on one directly.</summary>
    public IReadOnlyCollection<SrvOpen> OpenSrvOpens => [.. _openOnServer.Keys];

    public void AddFile(string sharePath, byte[] content) => _files[sharePath] = content;

    public NtStatus PreparseName(UncName name, out UncName effectiveName)
    {
        Count(nameof(PreparseName));
        effectiveName = name;
        return NtStatus.Success;
    }

    public NtStatus ExtractNetRootName(UncName name, SrvCall srvCall, out int netRootComponentCount)
    {
        netRootComponentCount = 2;
        return NtStatus.Success;
    }

    public NtStatus CreateSrvCall(SrvCall srvCall, SrvCallCallbackContext callback)
    {
        Count(nameof(CreateSrvCall));
        _nodes.Add(srvCall);
        _ = Task.Run(async () => callback.Complete(await SrvCallOutcome(srvCall)));
        return NtStatus.Pending;
    }

    public NtStatus SrvCallWinnerNotify(SrvCall srvCall, bool thisMinirdrIsTheWinner, object? recommunicateContext)
    {
        Count(nameof(SrvCallWinnerNotify));
        srvCall.Context = "connection";
        return NtStatus.Success;
    }

    public NtStatus CreateVNetRoot(CreateNetRootContext context)
    {
        Count(nameof(CreateVNetRoot));
        _nodes.Add(context.VNetRoot);
        if (context.NetRootIsNew)
        {
            _nodes.Add(context.NetRoot);
        }
        lock (CreateContexts)
        {
            CreateContexts.Add(context);
        }
        _ = Task.Run(async () =>
        {
            var (net, v) = await VNetRootOutcome(context);
            context.Complete(net, v);
        });
        return NtStatus.Pending;
    }

    public ValueTask<NtStatus> FinalizeVNetRoot(VNetRoot vNetRoot, bool force) => Finalize("VNetRoot", vNetRoot, force);

    public ValueTask<NtStatus> FinalizeNetRoot(NetRoot netRoot, bool force) => Finalize("NetRoot", netRoot, force);

    public ValueTask<NtStatus> FinalizeSrvCall(SrvCall srvCall, bool force) => Finalize("SrvCall", srvCall, force);

    public ValueTask<RxResult<CreateResponse>> Create(SrvOpen srvOpen, CancellationToken cancellationToken)
    {
        Count(nameof(Create));
        var path = srvOpen.Fcb.Path;
        var exists = path.Length == 0 || _files.ContainsKey(path);
        var disposition = srvOpen.Parameters.Disposition;
        NtCreateAction action;
        switch (disposition)
        {
            case NtCreateDisposition.Open or NtCreateDisposition.Overwrite when !exists:
                return ValueTask.FromResult<RxResult<CreateResponse>>(NtStatus.ObjectNameNotFound);
            case NtCreateDisposition.Create when exists:
                return ValueTask.FromResult<RxResult<CreateResponse>>(NtStatus.ObjectNameCollision);
            default:
                action = exists ? NtCreateAction.Opened : NtCreateAction.Created;
                if (!exists)
                {
                    _files.TryAdd(path, []);
                }
                break;
        }
        srvOpen.Context = path;
        _openOnServer.TryAdd(srvOpen, 0);
        return ValueTask.FromResult(RxResult<CreateResponse>.Ok(new CreateResponse(action, Info(path))));
    }

    public async ValueTask<RxResult<IReadOnlyList<DirectoryChange>>> NotifyChangeDirectory(SrvOpen srvOpen,
        NtNotifyFilter filter, bool watchTree, CancellationToken cancellationToken)
    {
        Count(nameof(NotifyChangeDirectory));
        return RxResult<IReadOnlyList<DirectoryChange>>.Ok(await Notify(cancellationToken));
    }

    public ValueTask<NtStatus> CloseSrvOpen(SrvOpen srvOpen, CancellationToken cancellationToken)
    {
        Count(nameof(CloseSrvOpen));
        return ValueTask.FromResult(_openOnServer.TryRemove(srvOpen, out _) ? NtStatus.Success : NtStatus.FileClosed);
    }

    public async ValueTask<RxResult<int>> Read(SrvOpen srvOpen, long offset, Memory<byte> buffer, CancellationToken cancellationToken)
    {
        Count(nameof(Read));
        await BeforeRead(cancellationToken);
        var content = _files.GetValueOrDefault((string)srvOpen.Context!) ?? [];
        if (offset >= content.Length)
        {
            return NtStatus.EndOfFile;
        }
        var n = (int)Math.Min(buffer.Length, content.Length - offset);
        content.AsMemory((int)offset, n).CopyTo(buffer);
        return n;
    }

    public ValueTask<RxResult<int>> Write(SrvOpen srvOpen, long offset, ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
    {
        Count(nameof(Write));
        _files.AddOrUpdate((string)srvOpen.Context!, _ => Splice([], offset, data.Span), (_, old) => Splice(old, offset, data.Span));
        return ValueTask.FromResult<RxResult<int>>(data.Length);
    }

    public ValueTask<NtStatus> Flush(SrvOpen srvOpen, CancellationToken cancellationToken) => Done(nameof(Flush));

    public ValueTask<RxResult<FileInformation>> QueryFileInfo(SrvOpen srvOpen, CancellationToken cancellationToken)
    {
        Count(nameof(QueryFileInfo));
        return ValueTask.FromResult<RxResult<FileInformation>>(Info((string)srvOpen.Context!));
    }

    public List<SetFileInfoRequest> SetRequests { get; } = [];

    public ValueTask<NtStatus> SetFileInfo(SrvOpen srvOpen, SetFileInfoRequest request, CancellationToken cancellationToken)
    {
        lock (SetRequests)
        {
            SetRequests.Add(request);
        }
        return Done(nameof(SetFileInfo));
    }

    public ValueTask<RxResult<IReadOnlyList<DirectoryEntry>>> QueryDirectory(SrvOpen srvOpen, string pattern, bool restartScan,
        CancellationToken cancellationToken)
    {
        Count(nameof(QueryDirectory));
        IReadOnlyList<DirectoryEntry> entries = [.. _files.Keys.Order().Select(k => new DirectoryEntry(k, Info(k)))];
        return ValueTask.FromResult(RxResult<IReadOnlyList<DirectoryEntry>>.Ok(entries));
    }

    public ValueTask<NtStatus> Lock(SrvOpen srvOpen, long offset, long length, bool exclusive, bool failImmediately,
        CancellationToken cancellationToken) => Done(nameof(Lock));

    public ValueTask<NtStatus> Unlock(SrvOpen srvOpen, long offset, long length, CancellationToken cancellationToken) =>
        Done(nameof(Unlock));

    public ValueTask<RxResult<VolumeInformation>> QueryVolumeInfo(VNetRoot vNetRoot, CancellationToken cancellationToken)
    {
        Count(nameof(QueryVolumeInfo));
        return ValueTask.FromResult<RxResult<VolumeInformation>>(
            new VolumeInformation(1 << 30, 1 << 29, 1 << 29, "scripted", 1, "NTFS", 0, 255));
    }

    public ValueTask<RxResult<FileInformation>> QueryPathInfo(VNetRoot vNetRoot, string sharePath, CancellationToken cancellationToken)
    {
        Count(nameof(QueryPathInfo));
        return ValueTask.FromResult<RxResult<FileInformation>>(sharePath.Length == 0 || _files.ContainsKey(sharePath)
            ? Info(sharePath)
            : NtStatus.ObjectNameNotFound);
    }

    /// <summary>What EnumerateShares answers for any server.</summary>
    public List<NetShare> Shares { get; } = [new("sh", NetShareType.Disk, false, ""), new("IPC$", NetShareType.Ipc, true, "IPC")];

    public ValueTask<RxResult<IReadOnlyList<NetShare>>> EnumerateShares(VNetRoot ipcView, CancellationToken cancellationToken)
    {
        Count(nameof(EnumerateShares));
        return ValueTask.FromResult(RxResult<IReadOnlyList<NetShare>>.Ok([.. Shares]));
    }

    private ValueTask<NtStatus> Finalize(string kind, NetNode node, bool force)
    {
        Count("Finalize" + kind);
        _finalizations.Enqueue($"{kind} {node.PrefixKey}{(force ? " force" : "")}");
        return ValueTask.FromResult(NtStatus.Success);
    }

    private ValueTask<NtStatus> Done(string routine)
    {
        Count(routine);
        return ValueTask.FromResult(NtStatus.Success);
    }

    private FileInformation Info(string path)
    {
        var length = _files.GetValueOrDefault(path)?.Length ?? 0;
        var attributes = path.Length == 0 ? NtFileAttributes.Directory : NtFileAttributes.Archive;
        return new FileInformation(DateTime.UnixEpoch, DateTime.UnixEpoch, DateTime.UnixEpoch, DateTime.UnixEpoch,
            length, length, attributes, path.GetHashCode(StringComparison.OrdinalIgnoreCase));
    }

    private static byte[] Splice(byte[] old, long offset, ReadOnlySpan<byte> data)
    {
        var result = new byte[Math.Max(old.Length, offset + data.Length)];
        old.CopyTo(result, 0);
        data.CopyTo(result.AsSpan((int)offset));
        return result;
    }

    private void Count(string routine) => _calls.AddOrUpdate(routine, 1, (_, n) => n + 1);
}
