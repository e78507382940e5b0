namespace DokanRedirector;

/// <summary>FILE_NOTIFY_CHANGE_*: which changes complete a directory watch (MS-SMB2 2.2.35 CompletionFilter, same values).</summary>
[Flags]
public enum NtNotifyFilter : uint
{
    FileName = 0x1,
    DirName = 0x2,
    Attributes = 0x4,
    Size = 0x8,
    LastWrite = 0x10,
    LastAccess = 0x20,
    Creation = 0x40,
    Ea = 0x80,
    Security = 0x100,
    StreamName = 0x200,
    StreamSize = 0x400,
    StreamWrite = 0x800,
}
