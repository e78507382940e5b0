namespace DokanRedirector.Rdbss.Mrx;

/// <summary>What a stat needs: FILE_NETWORK_OPEN_INFORMATION plus the file id (MS-FSCC 2.4.29, 2.4.20).</summary>
public readonly record struct FileInformation(
    DateTime CreationTime,
    DateTime LastAccessTime,
    DateTime LastWriteTime,
    DateTime ChangeTime,
    long AllocationSize,
    long EndOfFile,
    NtFileAttributes Attributes,
    long FileId)
{
    public bool IsDirectory => (Attributes & NtFileAttributes.Directory) != 0;
}
