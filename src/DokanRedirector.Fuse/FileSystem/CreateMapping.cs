using DokanRedirector.Fuse.Native;
using DokanRedirector.Rdbss.Mrx;

namespace DokanRedirector.Fuse.FileSystem;

/// <summary>open(2)/creat(2)/mkdir(2) → NtCreateFile parameters. Share access is always All: POSIX has no
/// share modes, and a Linux program expects another to open, rename or unlink a file it holds open.</summary>
internal static class CreateMapping
{
    /// <summary>open of an existing file (the kernel sends opendir for directories).</summary>
    public static CreateParameters Open(int flags) => new(
        Access(flags),
        (flags & OpenFlags.Truncate) != 0 ? NtCreateDisposition.Overwrite : NtCreateDisposition.Open,
        NtCreateOptions.NonDirectoryFile);

    /// <summary>create: O_CREAT, with O_EXCL (fail if it exists) or O_TRUNC.</summary>
    public static CreateParameters Create(int flags) => new(
        Access(flags),
        (flags & OpenFlags.Exclusive) != 0 ? NtCreateDisposition.Create
            : (flags & OpenFlags.Truncate) != 0 ? NtCreateDisposition.OverwriteIf
            : NtCreateDisposition.OpenIf,
        NtCreateOptions.NonDirectoryFile);

    public static readonly CreateParameters MakeDirectory = new(
        NtAccessMask.ReadAttributes | NtAccessMask.Synchronize, NtCreateDisposition.Create, NtCreateOptions.DirectoryFile);

    public static readonly CreateParameters OpenDirectory = new(
        NtAccessMask.GenericRead, NtCreateDisposition.Open, NtCreateOptions.DirectoryFile);

    /// <summary>setattr without an open file: just enough to change size, times or attributes.</summary>
    public static CreateParameters ChangeAttributes(bool size) => new(
        NtAccessMask.ReadAttributes | NtAccessMask.WriteAttributes | NtAccessMask.Synchronize
            | (size ? NtAccessMask.WriteData : NtAccessMask.None),
        NtCreateDisposition.Open);

    private static NtAccessMask Access(int flags) => (flags & OpenFlags.AccessModeMask) switch
    {
        OpenFlags.WriteOnly => NtAccessMask.GenericWrite | NtAccessMask.ReadAttributes,
        OpenFlags.ReadWrite => NtAccessMask.GenericRead | NtAccessMask.GenericWrite,
        _ => NtAccessMask.GenericRead,
    };
}
