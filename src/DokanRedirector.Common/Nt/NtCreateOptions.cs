namespace DokanRedirector;

/// <summary>NtCreateFile CreateOptions (MS-SMB2 2.2.13 CreateOptions, same values).</summary>
[Flags]
public enum NtCreateOptions : uint
{
    None = 0,
    DirectoryFile = 0x00000001,
    WriteThrough = 0x00000002,
    SequentialOnly = 0x00000004,
    NoIntermediateBuffering = 0x00000008,
    SynchronousIoAlert = 0x00000010,
    SynchronousIoNonAlert = 0x00000020,
    NonDirectoryFile = 0x00000040,
    CompleteIfOplocked = 0x00000100,
    NoEaKnowledge = 0x00000200,
    RandomAccess = 0x00000800,
    DeleteOnClose = 0x00001000,
    OpenByFileId = 0x00002000,
    OpenForBackupIntent = 0x00004000,
    OpenReparsePoint = 0x00200000,
}
