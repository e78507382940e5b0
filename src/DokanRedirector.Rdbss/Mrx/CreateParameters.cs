namespace DokanRedirector.Rdbss.Mrx;

/// <summary>NT create semantics, passed one to one to the mini-redirector.</summary>
public sealed record CreateParameters(
    NtAccessMask DesiredAccess,
    NtCreateDisposition Disposition,
    NtCreateOptions Options = NtCreateOptions.None,
    NtShareAccess ShareAccess = NtShareAccess.All,
    NtFileAttributes Attributes = NtFileAttributes.None)
{
    /// <summary>Open an existing file or directory for reading its attributes only.</summary>
    public static CreateParameters OpenForAttributes { get; } =
        new(NtAccessMask.ReadAttributes | NtAccessMask.Synchronize, NtCreateDisposition.Open);

    /// <summary>Open an existing directory for listing.</summary>
    public static CreateParameters OpenDirectory { get; } =
        new(NtAccessMask.ReadData | NtAccessMask.ReadAttributes | NtAccessMask.Synchronize,
            NtCreateDisposition.Open, NtCreateOptions.DirectoryFile);

    public bool IsDirectoryRequired => (Options & NtCreateOptions.DirectoryFile) != 0;
}
