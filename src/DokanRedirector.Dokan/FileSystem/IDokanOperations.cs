using DokanRedirector.Dokan.Native;

namespace DokanRedirector.Dokan.FileSystem;

/// <summary>
/// DOKAN_OPERATIONS in managed form: one method per callback, in dokany's order, with spans, out-parameters
/// and NT enums instead of pointers. The bridge (<see cref="Bridge.DokanBridge"/>) routes each native callback
/// to one of these; <paramref name="info"/> is always the DOKAN_FILE_INFO the call came with.
/// </summary>
/// <remarks>
/// FindFiles is FindFilesWithPattern with "*"; FindStreams is left to dokan2.dll (no DOKAN_OPTION_ALT_STREAM).
/// </remarks>
internal interface IDokanOperations
{
    NtStatus ZwCreateFile(string fileName, NtAccessMask desiredAccess, NtFileAttributes fileAttributes, NtShareAccess shareAccess,
        NtCreateDisposition disposition, NtCreateOptions options, ref DokanFileInfo info);

    void Cleanup(string fileName, ref DokanFileInfo info);

    void CloseFile(string fileName, ref DokanFileInfo info);

    NtStatus ReadFile(string fileName, Memory<byte> buffer, out int bytesRead, long offset, ref DokanFileInfo info);

    NtStatus WriteFile(string fileName, ReadOnlyMemory<byte> data, out int bytesWritten, long offset, ref DokanFileInfo info);

    NtStatus FlushFileBuffers(string fileName, ref DokanFileInfo info);

    NtStatus GetFileInformation(string fileName, out ByHandleFileInformation information, ref DokanFileInfo info);

    NtStatus FindFilesWithPattern(string fileName, string searchPattern, FillFindData fill, ref DokanFileInfo info);

    NtStatus SetFileAttributes(string fileName, NtFileAttributes attributes, ref DokanFileInfo info);

    /// <summary>Raw FILETIMEs; null (no pointer), 0 and -1 leave that time unchanged (FileBasicInformation).</summary>
    NtStatus SetFileTime(string fileName, long? creationTime, long? lastAccessTime, long? lastWriteTime, ref DokanFileInfo info);

    NtStatus DeleteFile(string fileName, ref DokanFileInfo info);

    NtStatus DeleteDirectory(string fileName, ref DokanFileInfo info);

    NtStatus MoveFile(string fileName, string newFileName, bool replaceIfExisting, ref DokanFileInfo info);

    NtStatus SetEndOfFile(string fileName, long byteOffset, ref DokanFileInfo info);

    NtStatus SetAllocationSize(string fileName, long allocationSize, ref DokanFileInfo info);

    NtStatus LockFile(string fileName, long byteOffset, long length, ref DokanFileInfo info);

    NtStatus UnlockFile(string fileName, long byteOffset, long length, ref DokanFileInfo info);

    NtStatus GetDiskFreeSpace(out ulong freeBytesAvailable, out ulong totalNumberOfBytes, out ulong totalNumberOfFreeBytes,
        ref DokanFileInfo info);

    /// <summary>The names go into the spans NUL-terminated (truncated to fit).</summary>
    NtStatus GetVolumeInformation(Span<char> volumeName, out uint volumeSerialNumber, out uint maximumComponentLength,
        out NtFileSystemAttributes fileSystemFlags, Span<char> fileSystemName, ref DokanFileInfo info);

    NtStatus Mounted(string mountPoint, ref DokanFileInfo info);

    NtStatus Unmounted(ref DokanFileInfo info);

    /// <summary>A self-relative descriptor into <paramref name="descriptor"/>; STATUS_BUFFER_OVERFLOW with
    /// <paramref name="lengthNeeded"/> when it does not fit.</summary>
    NtStatus GetFileSecurity(string fileName, SecurityInformation requested, Span<byte> descriptor, out uint lengthNeeded,
        ref DokanFileInfo info);

    NtStatus SetFileSecurity(string fileName, SecurityInformation requested, ReadOnlySpan<byte> descriptor, ref DokanFileInfo info);
}

/// <summary>PFillFindData in managed form: adds one entry; true when the buffer is full (stop).</summary>
internal delegate bool FillFindData(in Win32FindData entry);

/// <summary>SECURITY_INFORMATION (winnt.h): which parts of a descriptor are asked for.</summary>
[Flags]
internal enum SecurityInformation : uint
{
    None = 0,
    Owner = 0x1,
    Group = 0x2,
    Dacl = 0x4,
    Sacl = 0x8,
}
