namespace DokanRedirector.Rdbss.Mrx;

/// <summary>One entry of a directory listing (FileIdBothDirectoryInformation, reduced).</summary>
public readonly record struct DirectoryEntry(string Name, FileInformation Information);
