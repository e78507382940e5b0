using DokanRedirector.Fuse.Native;
using DokanRedirector.Rdbss;
using DokanRedirector.Rdbss.Mrx;

namespace DokanRedirector.Fuse.FileSystem;

// lookup, forget, getattr, setattr, statfs.
internal sealed partial class FuseFileSystem
{
    public void Lookup(FuseRequest request, ulong parent, string name) =>
        Start(request, LookupAsync(request, parent, name), "lookup");

    private async ValueTask LookupAsync(FuseRequest request, ulong parent, string name)
    {
        using var interrupt = _interrupts.Begin(request);
        var path = _inodes.PathOf(parent, name);
        if (!TryResolve(path, out var netPath, out var errno))
        {
            request.ReplyError(errno);
            return;
        }
        await WritesSettledAsync(parent, name);
        if (netPath is null)
        {
            var status = await _namespace.LookupOwnDirectoryAsync(path!, interrupt.Token);
            ReplyLookup(request, parent, name, status, information: null);
            return;
        }
        // One compound round trip on SMB (CREATE + QUERY_INFO + CLOSE).
        var info = await _redirector.QueryPathInformationAsync(netPath.Value, interrupt.Token);
        ReplyLookup(request, parent, name, info.Status, info.Value);
    }

    private void ReplyLookup(FuseRequest request, ulong parent, string name, NtStatus status, FileInformation? information)
    {
        if (status.IsSuccess)
        {
            ReplyEntry(request, parent, name, information);
        }
        else if (ErrnoMapping.ToErrno(status) == Errno.ENOENT)
        {
            // A negative entry (ino 0): the kernel caches "no such name" for its own, shorter, timeout.
            request.ReplyEntry(new FuseEntryParam { EntryTimeout = _negativeEntryTimeout });
            Watch(parent);
        }
        else
        {
            request.ReplyStatus(status);
        }
    }

    public void Forget(FuseRequest request, ulong ino, ulong lookups)
    {
        _inodes.Forget(ino, lookups);
        request.ReplyNone();
    }

    public void Forget(FuseRequest request, ReadOnlySpan<FuseForgetData> forgets)
    {
        foreach (var forget in forgets)
        {
            _inodes.Forget(forget.Ino, forget.Lookups);
        }
        request.ReplyNone();
    }

    public void GetAttributes(FuseRequest request, ulong ino, long? handle) =>
        Start(request, GetAttributesAsync(request, ino, handle), "getattr");

    private async ValueTask GetAttributesAsync(FuseRequest request, ulong ino, long? handle)
    {
        using var interrupt = _interrupts.Begin(request);
        await WritesSettledAsync(ino);
        // fstat on an open file: by handle, which still works after the name was unlinked or renamed.
        if (handle is { } h && _openFiles.ContainsKey(h))
        {
            ReplyAttributes(request, ino, await _redirector.QueryInformationAsync(h, interrupt.Token));
            return;
        }
        if (!TryResolve(_inodes.PathOf(ino), out var netPath, out var errno))
        {
            request.ReplyError(errno);
            return;
        }
        if (netPath is null)
        {
            request.ReplyAttributes(_stat.VirtualDirectory(ino, _created), _attributeTimeout);
            return;
        }
        ReplyAttributes(request, ino, await _redirector.QueryPathInformationAsync(netPath.Value, interrupt.Token));
    }

    private void ReplyAttributes(FuseRequest request, ulong ino, RxResult<FileInformation> info)
    {
        if (info.IsSuccess)
        {
            request.ReplyAttributes(Remembered(ino, info.Value), _attributeTimeout);
        }
        else
        {
            request.ReplyStatus(info.Status);
        }
    }

    public void SetAttributes(FuseRequest request, ulong ino, AttributeChange change, long? handle) =>
        Start(request, SetAttributesAsync(request, ino, change, handle), "setattr");

    private async ValueTask SetAttributesAsync(FuseRequest request, ulong ino, AttributeChange change, long? handle)
    {
        // SMB owners are SIDs: a chown to whom the mount already shows (cp -p, rsync) is accepted, others are not.
        if (!change.KeepsOwner(_stat))
        {
            request.ReplyError(Errno.EPERM);
            return;
        }
        await WritesSettledAsync(ino);
        long? temporary = null;
        if (handle is not { } h || !_openFiles.ContainsKey(h))
        {
            if (!TryResolveOnShare(_inodes.PathOf(ino), Errno.EPERM, out var netPath, out var errno))
            {
                request.ReplyError(errno);
                return;
            }
            var opened = await _redirector.CreateAsync(netPath, CreateMapping.ChangeAttributes(change.ChangesSize),
                request.ProcessId, Lifetime);
            if (!opened.IsSuccess)
            {
                request.ReplyStatus(opened.Status);
                return;
            }
            temporary = h = opened.Value.Handle;
        }
        try
        {
            var status = await ApplyAsync(h, change);
            ReplyAttributes(request, ino, status.IsSuccess ? await _redirector.QueryInformationAsync(h, Lifetime) : status);
        }
        finally
        {
            if (temporary is { } t)
            {
                await _redirector.CloseAsync(t);
            }
        }
    }

    /// <summary>Times and the read-only attribute in one FileBasicInformation, then the size.</summary>
    private async ValueTask<NtStatus> ApplyAsync(long handle, AttributeChange change)
    {
        NtFileAttributes? attributes = null;
        if (change.ChangesMode)
        {
            var current = await _redirector.QueryInformationAsync(handle, Lifetime);
            if (!current.IsSuccess)
            {
                return current.Status;
            }
            attributes = change.AttributesFor(current.Value.Attributes);
        }
        if (attributes is not null || change.ChangesTimes)
        {
            var basic = new SetBasicInformation(LastAccessTime: change.AccessTime, LastWriteTime: change.WriteTime, Attributes: attributes);
            var status = await _redirector.SetInformationAsync(handle, basic, Lifetime);
            if (!status.IsSuccess)
            {
                return status;
            }
        }
        return change.Size is { } size
            ? await _redirector.SetInformationAsync(handle, new SetEndOfFile(size), Lifetime)
            : NtStatus.Success;
    }

    public void StatFileSystem(FuseRequest request, ulong ino) =>
        Start(request, StatFileSystemAsync(request, ino), "statfs");

    private async ValueTask StatFileSystemAsync(FuseRequest request, ulong ino)
    {
        using var interrupt = _interrupts.Begin(request);
        if (!TryResolve(_inodes.PathOf(ino), out var netPath, out var errno))
        {
            request.ReplyError(errno);
            return;
        }
        if (netPath is null)
        {
            request.ReplyStatFs(VolumeMapping.Empty);
            return;
        }
        var volume = await _redirector.QueryVolumeAsync(netPath.Value, interrupt.Token);
        if (volume.IsSuccess)
        {
            request.ReplyStatFs(VolumeMapping.From(volume.Value!));
        }
        else
        {
            request.ReplyStatus(volume.Status);
        }
    }
}
