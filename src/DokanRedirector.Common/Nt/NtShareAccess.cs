namespace DokanRedirector;

/// <summary>FILE_SHARE_* (MS-SMB2 2.2.13 ShareAccess, same values).</summary>
[Flags]
public enum NtShareAccess : uint
{
    None = 0,
    Read = 0x1,
    Write = 0x2,
    Delete = 0x4,
    All = Read | Write | Delete,
}
