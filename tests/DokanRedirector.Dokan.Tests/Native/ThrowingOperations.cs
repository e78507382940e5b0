namespace DokanRedirector.Dokan.Tests.Native;

/// <summary>A file system whose every operation throws, after noting which one was reached.</summary>
internal sealed class ThrowingOperations : IDokanOperations
{
    public List<string> Reached { get; } = [];

    private Exception Throw(string operation)
    {
        Reached.Add(operation);
        return new InvalidOperationException($"{operation} failed inside the file system");
    }

    public NtStatus ZwCreateFile(string fileName, NtAccessMask desiredAccess, NtFileAttributes fileAttributes, NtShareAccess shareAccess,
        NtCreateDisposition disposition, NtCreateOptions options, ref DokanFileInfo info) => throw Throw(nameof(ZwCreateFile));

    public void Cleanup(string fileName, ref DokanFileInfo info) => throw Throw(nameof(Cleanup));

    public void CloseFile(string fileName, ref DokanFileInfo info) => throw Throw(nameof(CloseFile));

    public NtStatus ReadFile(string fileName, Memory<byte> buffer, out int bytesRead, long offset, ref DokanFileInfo info) =>
        throw Throw(nameof(ReadFile));

    public NtStatus WriteFile(string fileName, ReadOnlyMemory<byte> data, out int bytesWritten, long offset, ref DokanFileInfo info) =>
        throw Throw(nameof(WriteFile));

    public NtStatus FlushFileBuffers(string fileName, ref DokanFileInfo info) => throw Throw(nameof(FlushFileBuffers));

    public NtStatus GetFileInformation(string fileName, out ByHandleFileInformation information, ref DokanFileInfo info) =>
        throw Throw(nameof(GetFileInformation));

    public NtStatus FindFilesWithPattern(string fileName, string searchPattern, FillFindData fill, ref DokanFileInfo info) =>
        throw Throw(nameof(FindFilesWithPattern));

    public NtStatus SetFileAttributes(string fileName, NtFileAttributes attributes, ref DokanFileInfo info) =>
        throw Throw(nameof(SetFileAttributes));

    public NtStatus SetFileTime(string fileName, long? creationTime, long? lastAccessTime, long? lastWriteTime, ref DokanFileInfo info) =>
        throw Throw(nameof(SetFileTime));

    public NtStatus DeleteFile(string fileName, ref DokanFileInfo info) => throw Throw(nameof(DeleteFile));

    public NtStatus DeleteDirectory(string fileName, ref DokanFileInfo info) => throw Throw(nameof(DeleteDirectory));

    public NtStatus MoveFile(string fileName, string newFileName, bool replaceIfExisting, ref DokanFileInfo info) =>
        throw Throw(nameof(MoveFile));

    public NtStatus SetEndOfFile(string fileName, long byteOffset, ref DokanFileInfo info) => throw Throw(nameof(SetEndOfFile));

    public NtStatus SetAllocationSize(string fileName, long allocationSize, ref DokanFileInfo info) =>
        throw Throw(nameof(SetAllocationSize));

    public NtStatus LockFile(string fileName, long byteOffset, long length, ref DokanFileInfo info) => throw Throw(nameof(LockFile));

    public NtStatus UnlockFile(string fileName, long byteOffset, long length, ref DokanFileInfo info) => throw Throw(nameof(UnlockFile));

    public NtStatus GetDiskFreeSpace(out ulong freeBytesAvailable, out ulong totalNumberOfBytes, out ulong totalNumberOfFreeBytes,
        ref DokanFileInfo info) => throw Throw(nameof(GetDiskFreeSpace));

    public NtStatus GetVolumeInformation(Span<char> volumeName, out uint volumeSerialNumber, out uint maximumComponentLength,
        out NtFileSystemAttributes fileSystemFlags, Span<char> fileSystemName, ref DokanFileInfo info) =>
        throw Throw(nameof(GetVolumeInformation));

    public NtStatus Mounted(string mountPoint, ref DokanFileInfo info) => throw Throw(nameof(Mounted));

    public NtStatus Unmounted(ref DokanFileInfo info) => throw Throw(nameof(Unmounted));

    public NtStatus GetFileSecurity(string fileName, SecurityInformation requested, Span<byte> descriptor, out uint lengthNeeded,
        ref DokanFileInfo info) => throw Throw(nameof(GetFileSecurity));

    public NtStatus SetFileSecurity(string fileName, SecurityInformation requested, ReadOnlySpan<byte> descriptor, ref DokanFileInfo info) =>
        throw Throw(nameof(SetFileSecurity));
}
