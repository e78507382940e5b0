namespace DokanRedirector;

/// <summary>FILE_ACTION_*: what happened to a name in a watched directory (MS-FSCC 2.7.1 Action). A server may send
/// others; they are kept as their raw value.</summary>
public enum NtNotifyAction : uint
{
    Added = 1,
    Removed = 2,
    Modified = 3,
    RenamedOldName = 4,
    RenamedNewName = 5,
    AddedStream = 6,
    RemovedStream = 7,
    ModifiedStream = 8,
}
