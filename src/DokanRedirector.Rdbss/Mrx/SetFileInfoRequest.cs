namespace DokanRedirector.Rdbss.Mrx;

/// <summary>MRxSetFileInfo: one FILE_INFORMATION_CLASS change per request.</summary>
public abstract record SetFileInfoRequest;

/// <summary>FileBasicInformation: a null time or attribute set means "leave unchanged".</summary>
public sealed record SetBasicInformation(
    DateTime? CreationTime = null,
    DateTime? LastAccessTime = null,
    DateTime? LastWriteTime = null,
    DateTime? ChangeTime = null,
    NtFileAttributes? Attributes = null) : SetFileInfoRequest;

/// <summary>FileEndOfFileInformation: truncate or extend.</summary>
public sealed record SetEndOfFile(long EndOfFile) : SetFileInfoRequest;

/// <summary>FileAllocationInformation.</summary>
public sealed record SetAllocationSize(long AllocationSize) : SetFileInfoRequest;

/// <summary>FileDispositionInformation: delete when the last handle closes.</summary>
public sealed record SetDisposition(bool DeletePending) : SetFileInfoRequest;

/// <summary>FileRenameInformation; <paramref name="NewPath"/> is share-relative and canonical.</summary>
public sealed record SetRename(string NewPath, bool ReplaceIfExists) : SetFileInfoRequest;
