namespace DokanRedirector.Cli.Service;

/// <summary>
/// The local side of a <c>use</c>: a mount point directory on Linux, a drive letter on Windows (as <c>net use Z:</c>).
/// The pure parts take the platform's facts as arguments, so they are tested on Linux.
/// </summary>
internal static class LocalName
{
    /// <summary>What the service accepts in a request, for its messages.</summary>
    public static string Expected => OperatingSystem.IsWindows() ? "a drive letter (Z:)" : "an absolute path";

    /// <summary>The local name <c>use</c> maps: the absolute mount point, or <c>Z:</c> if that letter is free.</summary>
    /// <returns>Null with <paramref name="problem"/> saying why the name cannot be used.</returns>
    public static string? ForUse(string typed, out string problem)
    {
        problem = "";
        return OperatingSystem.IsWindows() ? FreeDrive(typed, DriveInUse, out problem) : MountPoint(typed);
    }

    /// <summary>The name <c>use --delete</c> sends: a UNC name as typed, else the local name as it was mapped.</summary>
    public static string ForDelete(string typed) =>
        typed.StartsWith(@"\\", StringComparison.Ordinal) || typed.StartsWith("//", StringComparison.Ordinal) ? typed
        : OperatingSystem.IsWindows() ? Drive(typed) ?? typed
        : MountPoint(typed);

    /// <summary>Whether a request's local name has the platform's form (the service does not trust the CLI's check).</summary>
    public static bool IsValid(string local) =>
        OperatingSystem.IsWindows() ? Drive(local) == local : Path.IsPathFullyQualified(local);

    /// <summary><c>Z:</c> for <c>Z</c>, <c>z</c> or <c>z:</c>; null for anything else.</summary>
    public static string? Drive(string typed) =>
        typed.Length is 1 or 2 && char.IsAsciiLetter(typed[0]) && (typed.Length == 1 || typed[1] == ':')
            ? $"{char.ToUpperInvariant(typed[0])}:"
            : null;

    /// <summary><see cref="Drive"/>, refused when <paramref name="inUse"/> says a disk or another mapping holds the letter.</summary>
    public static string? FreeDrive(string typed, Func<string, bool> inUse, out string problem)
    {
        var drive = Drive(typed);
        problem = drive is null ? $"'{typed}' is not a drive letter. On Windows, use maps a drive: dokanredirector use Z: \\\\server\\share"
            : inUse(drive) ? $"{drive} is already in use (a disk, or another network drive); choose a free letter."
            : "";
        return problem.Length == 0 ? drive : null;
    }

    private static string MountPoint(string typed) => Path.TrimEndingDirectorySeparator(Path.GetFullPath(typed));

    /// <summary>Every letter Windows reports (GetLogicalDrives), including network drives that are unavailable.</summary>
    private static bool DriveInUse(string drive) =>
        DriveInfo.GetDrives().Any(d => d.Name.StartsWith(drive, StringComparison.OrdinalIgnoreCase));
}
