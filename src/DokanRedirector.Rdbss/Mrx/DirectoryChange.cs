namespace DokanRedirector.Rdbss.Mrx;

/// <summary>One change: <paramref name="Name"/> is relative to the watched directory (Windows separators).</summary>
public readonly record struct DirectoryChange(NtNotifyAction Action, string Name);
