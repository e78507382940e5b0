using DokanRedirector.Rdbss;
using DokanRedirector.Rdbss.Mrx;
using DokanRedirector.Rdbss.Structures;
using DokanRedirector.Smb;
using DokanRedirector.Smb.Info;
using DokanRedirector.Smb.Rpc;

namespace DokanRedirector.SmbMiniRdr;

// QUERY_INFO, SET_INFO and QUERY_DIRECTORY on opens; stat, volume and share queries on views.
public sealed partial class SmbMiniRedirector
{
    // statfs opens the share root only to ask about its volume.
    private static readonly SmbCreateOptions VolumeOpen = new()
    {
        DesiredAccess = NtAccessMask.ReadAttributes | NtAccessMask.Synchronize,
        ShareAccess = NtShareAccess.All,
    };

    public async ValueTask<RxResult<FileInformation>> QueryFileInfo(SrvOpen srvOpen, CancellationToken cancellationToken)
    {
        try
        {
            var info = await FileOf(srvOpen).QueryInfoAsync<FileNetworkOpenInformation>(cancellationToken).ConfigureAwait(false);
            return FileInformationMap.From(info);
        }
        catch (Exception e) when (SmbStatusMap.TryMap(e, out var status))
        {
            return status;
        }
    }

    public ValueTask<NtStatus> SetFileInfo(SrvOpen srvOpen, SetFileInfoRequest request, CancellationToken cancellationToken) =>
        request switch
        {
            SetBasicInformation basic => RunAsync(srvOpen, (f, ct) => f.SetInfoAsync(FileInformationMap.ToBasic(basic), ct), cancellationToken),
            SetEndOfFile eof => RunAsync(srvOpen, (f, ct) => f.SetInfoAsync(new FileEndOfFileInformation(eof.EndOfFile), ct), cancellationToken),
            SetAllocationSize size => RunAsync(srvOpen, (f, ct) => f.SetInfoAsync(new FileAllocationInformation(size.AllocationSize), ct), cancellationToken),
            SetDisposition d => RunAsync(srvOpen, (f, ct) => f.SetInfoAsync(new FileDispositionInformation(d.DeletePending), ct), cancellationToken),
            // MS-SMB2 2.2.39: the new name is share-relative, which is what the core passes.
            SetRename r => RunAsync(srvOpen, (f, ct) => f.SetInfoAsync(new FileRenameInformation(r.ReplaceIfExists, r.NewPath), ct), cancellationToken),
            _ => ValueTask.FromResult(NtStatus.InvalidInfoClass),
        };

    /// <summary>One QUERY_DIRECTORY (up to 1 MiB of FileIdBothDirectoryInformation), without "." and "..".</summary>
    public async ValueTask<RxResult<IReadOnlyList<DirectoryEntry>>> QueryDirectory(SrvOpen srvOpen, string pattern, bool restartScan,
        CancellationToken cancellationToken)
    {
        byte[]? buffer;
        try
        {
            buffer = await FileOf(srvOpen).QueryDirectoryAsync(pattern, restartScan, cancellationToken).ConfigureAwait(false);
            if (buffer is null)
            {
                return NtStatus.NoMoreFiles;
            }
            return RxResult<IReadOnlyList<DirectoryEntry>>.Ok(Entries(buffer));
        }
        catch (Exception e) when (SmbStatusMap.TryMap(e, out var status))
        {
            return status;
        }
    }

    private static List<DirectoryEntry> Entries(byte[] buffer)
    {
        var entries = new List<DirectoryEntry>();
        foreach (var entry in FileIdBothDirectoryInformation.Enumerate(buffer))
        {
            if (entry.FileName is not ("." or ".."))
            {
                entries.Add(new DirectoryEntry(entry.FileName, FileInformationMap.From(entry)));
            }
        }
        return entries;
    }

    /// <summary>One compound CREATE + QUERY_INFO(FileAllInformation) + CLOSE round trip.</summary>
    public async ValueTask<RxResult<FileInformation>> QueryPathInfo(VNetRoot vNetRoot, string sharePath, CancellationToken cancellationToken)
    {
        try
        {
            var tree = await ShareOf(vNetRoot).GetTreeAsync(cancellationToken).ConfigureAwait(false);
            return FileInformationMap.From(await tree.QueryPathInfoAsync(sharePath, cancellationToken).ConfigureAwait(false));
        }
        catch (Exception e) when (SmbStatusMap.TryMap(e, out var status))
        {
            return status;
        }
    }

    /// <summary>NetShareEnum level 1 over \PIPE\srvsvc, as the IPC$ view's user.</summary>
    public async ValueTask<RxResult<IReadOnlyList<NetShare>>> EnumerateShares(VNetRoot ipcView, CancellationToken cancellationToken)
    {
        try
        {
            var share = ShareOf(ipcView);
            var shares = await share.Client.ListSharesAsync(share.Credential, cancellationToken).ConfigureAwait(false);
            return RxResult<IReadOnlyList<NetShare>>.Ok([.. shares.Select(ToNetShare)]);
        }
        catch (Exception e) when (SmbStatusMap.TryMap(e, out var status))
        {
            return status;
        }
    }

    private static NetShare ToNetShare(SmbShareInfo info) => new(info.Name, info.BaseType switch
    {
        SmbShareKind.PrintQueue => NetShareType.PrintQueue,
        SmbShareKind.Device => NetShareType.Device,
        SmbShareKind.Ipc => NetShareType.Ipc,
        _ => NetShareType.Disk,
    }, info.IsSpecial, info.Remark);

    /// <summary>Opens the share root and asks for its size, label and file-system facts together.</summary>
    public async ValueTask<RxResult<VolumeInformation>> QueryVolumeInfo(VNetRoot vNetRoot, CancellationToken cancellationToken)
    {
        try
        {
            var tree = await ShareOf(vNetRoot).GetTreeAsync(cancellationToken).ConfigureAwait(false);
            await using var root = await tree.CreateAsync("", VolumeOpen, cancellationToken).ConfigureAwait(false);
            var size = root.QueryInfoAsync<FileFsFullSizeInformation>(cancellationToken);
            var volume = root.QueryInfoAsync<FileFsVolumeInformation>(cancellationToken);
            var attributes = root.QueryInfoAsync<FileFsAttributeInformation>(cancellationToken);
            await Task.WhenAll(size, volume, attributes).ConfigureAwait(false);
            var unit = (long)size.Result.BytesPerAllocationUnit;
            return new VolumeInformation(
                size.Result.TotalAllocationUnits * unit,
                size.Result.ActualAvailableAllocationUnits * unit,
                size.Result.CallerAvailableAllocationUnits * unit,
                volume.Result.VolumeLabel,
                volume.Result.VolumeSerialNumber,
                attributes.Result.FileSystemName,
                (uint)attributes.Result.FileSystemAttributes,
                attributes.Result.MaximumComponentNameLength);
        }
        catch (Exception e) when (SmbStatusMap.TryMap(e, out var status))
        {
            return status;
        }
    }
}
