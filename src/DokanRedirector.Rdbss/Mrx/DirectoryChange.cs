namespace DokanRedirector.Rdbss.Mrx;

/// <summary>What happened to a name in a watched directory (MS-FSCC 2.7.1 FILE_ACTION_*, same values).</summary>
public enum DirectoryChangeAction : uint
{
    Added = 1,
    Removed = 2,
    Modified = 3,
    RenamedOldName = 4,
    RenamedNewName = 5,
}

/// <summary>Which changes complete a watch (FILE_NOTIFY_CHANGE_*, MS-SMB2 2.2.35 CompletionFilter, same values).</summary>
[Flags]
public enum DirectoryChangeFilter : uint
{
    FileName = 0x1,
    DirectoryName = 0x2,
    Attributes = 0x4,
    Size = 0x8,
    LastWrite = 0x10,
    LastAccess = 0x20,
    Creation = 0x40,
}

/// <summary>One change: <paramref name="Name"/> is relative to the watched directory (Windows separators).</summary>
public readonly record struct DirectoryChange(DirectoryChangeAction Action, string Name);
