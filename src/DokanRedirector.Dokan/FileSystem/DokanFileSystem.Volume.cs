using DokanRedirector.Dokan.Native;

namespace DokanRedirector.Dokan.FileSystem;

// GetDiskFreeSpace, GetVolumeInformation, Mounted, Unmounted: the volume as a whole (no Context).
internal sealed partial class DokanFileSystem
{
    /// <summary>dokan.h: "recommended to set NTFS": Windows enables features by file system name.</summary>
    public const string FileSystemName = "NTFS";

    /// <summary>MS-FSCC 2.5.1: names keep their case and are Unicode; no ACLs, streams or object ids are offered.</summary>
    public const NtFileSystemAttributes FileSystemFlags = NtFileSystemAttributes.CasePreservedNames | NtFileSystemAttributes.UnicodeOnDisk;

    /// <summary>NTFS's component limit; the server's (Samba: 255) is the same in practice.</summary>
    public const uint MaximumComponentLength = 255;

    /// <summary>FileFsFullSizeInformation of the share, from the server.</summary>
    public NtStatus GetDiskFreeSpace(out ulong freeBytesAvailable, out ulong totalNumberOfBytes, out ulong totalNumberOfFreeBytes,
        ref DokanFileInfo info)
    {
        var root = _connection.Resolve("");
        var queried = Run(ct => _redirector.QueryVolumeAsync(root, ct), ref info);
        var volume = queried.Value;
        freeBytesAvailable = volume is null ? 0 : (ulong)volume.AvailableBytes;
        totalNumberOfBytes = volume is null ? 0 : (ulong)volume.TotalBytes;
        totalNumberOfFreeBytes = volume is null ? 0 : (ulong)volume.FreeBytes;
        return queried.Status;
    }

    /// <summary>
    /// Answered without the network: Explorer asks often, and a drive whose server is slow or gone should
    /// still show its name. The label is the share's name, as Windows labels a mapped drive.
    /// </summary>
    public NtStatus GetVolumeInformation(Span<char> volumeName, out uint volumeSerialNumber, out uint maximumComponentLength,
        out NtFileSystemAttributes fileSystemFlags, Span<char> fileSystemName, ref DokanFileInfo info)
    {
        NulTerminated.Copy(_connection.RemoteName.Share ?? "", volumeName);
        NulTerminated.Copy(FileSystemName, fileSystemName);
        volumeSerialNumber = VolumeSerialNumber;
        maximumComponentLength = MaximumComponentLength;
        fileSystemFlags = FileSystemFlags;
        return NtStatus.Success;
    }

    public NtStatus Mounted(string mountPoint, ref DokanFileInfo info)
    {
        Log.Mounted(_log, _connection.RemoteName.ToString(), mountPoint);
        return NtStatus.Success;
    }

    /// <summary>dokan2.dll is unmounting (our unmount, or Explorer's Disconnect): nothing more will be served.</summary>
    public NtStatus Unmounted(ref DokanFileInfo info)
    {
        Log.Unmounted(_log, _connection.LocalName, _open.Count);
        Disconnect();
        return NtStatus.Success;
    }
}
