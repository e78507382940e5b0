namespace DokanRedirector;

/// <summary>NtCreateFile CreateDisposition (also MS-SMB2 2.2.13 CreateDisposition, same values).</summary>
public enum NtCreateDisposition : uint
{
    Supersede = 0,
    Open = 1,
    Create = 2,
    OpenIf = 3,
    Overwrite = 4,
    OverwriteIf = 5,
}
