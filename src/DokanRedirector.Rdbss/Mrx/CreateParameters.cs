namespace DokanRedirector.Rdbss.Mrx;

/// <summary>NT create semantics, passed one to one to the mini-redirector.</summary>
public sealed record CreateParameters(
    NtAccessMask DesiredAccess,
    NtCreateDisposition Disposition,
    NtCreateOptions Options = NtCreateOptions.None,
    NtShareAccess ShareAccess = NtShareAccess.All,
    NtFileAttributes Attributes = NtFileAttributes.None);
