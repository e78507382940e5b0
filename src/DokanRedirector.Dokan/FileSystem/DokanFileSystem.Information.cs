using DokanRedirector.Dokan.Native;
using DokanRedirector.Rdbss.Mrx;

namespace DokanRedirector.Dokan.FileSystem;

// GetFileInformation and the FileBasic/EndOfFile/Allocation set-information callbacks, all on the open handle.
internal sealed partial class DokanFileSystem
{
    public NtStatus GetFileInformation(string fileName, out ByHandleFileInformation information, ref DokanFileInfo info)
    {
        var handle = HandleOf(info);
        var queried = Run(ct => _redirector.QueryInformationAsync(handle, ct), ref info);
        information = queried.IsSuccess ? FileInformationMapping.ToByHandle(queried.Value, VolumeSerialNumber) : default;
        return queried.Status;
    }

    /// <summary>MS-FSCC 2.4.7 FileBasicInformation: attributes 0 mean "leave unchanged".</summary>
    public NtStatus SetFileAttributes(string fileName, NtFileAttributes attributes, ref DokanFileInfo info) =>
        attributes == NtFileAttributes.None
            ? NtStatus.Success
            : SetInformation(new SetBasicInformation(Attributes: attributes), ref info);

    /// <summary>MS-FSCC 2.4.7: a time of 0 leaves it unchanged, and so does −1 (which also stops the file system
    /// from updating it for this handle; the server keeps its own times, so unchanged is the closest).</summary>
    public NtStatus SetFileTime(string fileName, long? creationTime, long? lastAccessTime, long? lastWriteTime, ref DokanFileInfo info)
    {
        var change = new SetBasicInformation(TimeOf(creationTime), TimeOf(lastAccessTime), TimeOf(lastWriteTime));
        return change is { CreationTime: null, LastAccessTime: null, LastWriteTime: null }
            ? NtStatus.Success
            : SetInformation(change, ref info);
    }

    public NtStatus SetEndOfFile(string fileName, long byteOffset, ref DokanFileInfo info) =>
        SetInformation(new SetEndOfFile(byteOffset), ref info);

    /// <summary>MS-FSCC 2.4.4 FileAllocationInformation: below the end of file it truncates; the server does that.</summary>
    public NtStatus SetAllocationSize(string fileName, long allocationSize, ref DokanFileInfo info) =>
        SetInformation(new SetAllocationSize(allocationSize), ref info);

    private NtStatus SetInformation(SetFileInfoRequest request, ref DokanFileInfo info)
    {
        var handle = HandleOf(info);
        return Run(ct => _redirector.SetInformationAsync(handle, request, ct), ref info);
    }

    private static DateTime? TimeOf(long? fileTime) =>
        fileTime is null or 0 or -1 ? null : DateTime.FromFileTimeUtc(fileTime.Value);
}
