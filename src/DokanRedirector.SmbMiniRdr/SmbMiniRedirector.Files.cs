using System.Buffers;
using DokanRedirector.Rdbss;
using DokanRedirector.Rdbss.Mrx;
using DokanRedirector.Rdbss.Structures;
using DokanRedirector.Smb;

namespace DokanRedirector.SmbMiniRdr;

// Opens (SrvOpen.Context = the SmbFile, i.e. its FileId) and the I/O on them. Each routine maps the
// client's exceptions to the NTSTATUS the core expects (SmbStatusMap); cancellation passes through.
public sealed partial class SmbMiniRedirector
{
    /// <summary>MRxCreate: NtCreateFile semantics map one to one onto SMB2 CREATE (MS-SMB2 2.2.13).</summary>
    public async ValueTask<RxResult<CreateResponse>> Create(SrvOpen srvOpen, CancellationToken cancellationToken)
    {
        var p = srvOpen.Parameters;
        var options = new SmbCreateOptions
        {
            DesiredAccess = p.DesiredAccess,
            Disposition = p.Disposition,
            Options = p.Options,
            ShareAccess = p.ShareAccess,
            Attributes = p.Attributes,
        };
        try
        {
            var tree = await ShareOf(srvOpen.VNetRoot).GetTreeAsync(cancellationToken).ConfigureAwait(false);
            var file = await tree.CreateAsync(srvOpen.Fcb.Path, options, cancellationToken).ConfigureAwait(false);
            srvOpen.Context = file;
            return RxResult<CreateResponse>.Ok(new CreateResponse(file.CreateAction, FileInformationMap.From(file.Info)));
        }
        catch (Exception e) when (SmbStatusMap.TryMap(e, out var status))
        {
            return status;
        }
    }

    /// <summary>CLOSE. A handle whose connection is gone is closed already: the server dropped it.</summary>
    public async ValueTask<NtStatus> CloseSrvOpen(SrvOpen srvOpen, CancellationToken cancellationToken)
    {
        if (srvOpen.Context is not SmbFile file)
        {
            return NtStatus.Success;
        }
        try
        {
            await file.CloseAsync(postQueryAttributes: false, cancellationToken).ConfigureAwait(false);
            return NtStatus.Success;
        }
        catch (Exception e) when (SmbStatusMap.TryMap(e, out var status))
        {
            return status;
        }
    }

    public async ValueTask<RxResult<int>> Read(SrvOpen srvOpen, long offset, Memory<byte> buffer, CancellationToken cancellationToken)
    {
        var read = await RunAsync(srvOpen, (file, ct) => file.ReadAsync(buffer, offset, ct), cancellationToken).ConfigureAwait(false);
        return read.IsSuccess && read.Value == 0 && buffer.Length > 0 ? NtStatus.EndOfFile : read;
    }

    /// <summary>One READ, its data left in the frame it arrived in (<see cref="SmbFile.ReadBufferAsync"/>): the
    /// FUSE front end replies straight from there.</summary>
    public async ValueTask<RxResult<IMemoryOwner<byte>>> ReadBuffer(SrvOpen srvOpen, long offset, int length, CancellationToken cancellationToken)
    {
        var read = await RunAsync(srvOpen, (file, ct) => file.ReadBufferAsync(offset, length, ct), cancellationToken).ConfigureAwait(false);
        if (read.IsSuccess && read.Value!.Memory.IsEmpty && length > 0)
        {
            read.Value.Dispose();
            return NtStatus.EndOfFile;
        }
        return read;
    }

    public ValueTask<RxResult<int>> Write(SrvOpen srvOpen, long offset, ReadOnlyMemory<byte> data, CancellationToken cancellationToken) =>
        RunAsync(srvOpen, (file, ct) => file.WriteAsync(data, offset, ct), cancellationToken);

    public ValueTask<NtStatus> Flush(SrvOpen srvOpen, CancellationToken cancellationToken) =>
        RunAsync(srvOpen, static (file, ct) => file.FlushAsync(ct), cancellationToken);

    public ValueTask<NtStatus> Lock(SrvOpen srvOpen, long offset, long length, bool exclusive, bool failImmediately,
        CancellationToken cancellationToken) =>
        RunAsync(srvOpen, (file, ct) => file.LockAsync(offset, length, exclusive, failImmediately, ct), cancellationToken);

    public ValueTask<NtStatus> Unlock(SrvOpen srvOpen, long offset, long length, CancellationToken cancellationToken) =>
        RunAsync(srvOpen, (file, ct) => file.UnlockAsync(offset, length, ct), cancellationToken);

    /// <summary>One CHANGE_NOTIFY (MS-SMB2 3.2.4.18).</summary>
    public async ValueTask<RxResult<IReadOnlyList<DirectoryChange>>> NotifyChangeDirectory(SrvOpen srvOpen, NtNotifyFilter filter,
        bool watchTree, CancellationToken cancellationToken)
    {
        var notified = await RunAsync(srvOpen, (file, ct) => file.ChangeNotifyAsync(filter, watchTree, NotifyBufferLength, ct),
            cancellationToken).ConfigureAwait(false);
        if (!notified.IsSuccess)
        {
            return notified.Status;
        }
        var changes = new List<DirectoryChange>(notified.Value!.Changes.Count);
        foreach (var change in notified.Value.Changes)
        {
            // Stream actions (6–8) say nothing about names or attributes.
            if (change.Action <= NtNotifyAction.RenamedNewName)
            {
                changes.Add(new DirectoryChange(change.Action, change.FileName));
            }
        }
        return new RxResult<IReadOnlyList<DirectoryChange>>(notified.Value.Status, changes);
    }

    // Hundreds of changes, and within every dialect's MaxTransactSize (2.0.2: 64 KiB); past it the server answers
    // STATUS_NOTIFY_ENUM_DIR.
    private const int NotifyBufferLength = 64 * 1024;

    /// <summary>A command on an open that answers nothing but its status.</summary>
    private static async ValueTask<NtStatus> RunAsync(SrvOpen srvOpen, Func<SmbFile, CancellationToken, Task> command, CancellationToken ct) =>
        (await RunAsync(srvOpen, async (file, t) =>
        {
            await command(file, t).ConfigureAwait(false);
            return true;
        }, ct).ConfigureAwait(false)).Status;

    /// <summary>A command on an open, its result or the status its exception maps to.</summary>
    private static async ValueTask<RxResult<T>> RunAsync<T>(SrvOpen srvOpen, Func<SmbFile, CancellationToken, Task<T>> command, CancellationToken ct)
    {
        try
        {
            return await command(FileOf(srvOpen), ct).ConfigureAwait(false);
        }
        catch (Exception e) when (SmbStatusMap.TryMap(e, out var status))
        {
            return status;
        }
    }

    private static SmbFile FileOf(SrvOpen srvOpen) =>
        srvOpen.Context as SmbFile ?? throw new InvalidOperationException("The SrvOpen has no SMB2 open.");
}
