using System.Globalization;

namespace DokanRedirector.Cli.Control;

/// <summary>Where the service listens, and the private directory around it.</summary>
internal static class ControlSocketPath
{
    public const string FileName = "control.sock";

    /// <summary>The log file of a service the CLI started, next to its socket.</summary>
    public static string LogFile(string socketPath) => Path.Combine(Directory(socketPath), "service.log");

    /// <summary>
    /// Root: <c>/run/dokanredirector</c>, whatever the environment, because <c>sudo</c> drops
    /// XDG_RUNTIME_DIR and the CLI and a systemd-started service must agree. Others:
    /// <c>$XDG_RUNTIME_DIR/dokanredirector</c>, else <c>/tmp/dokanredirector-&lt;uid&gt;</c>.
    /// </summary>
    public static string Default(uint userId, string? runtimeDirectory)
    {
        var directory = userId == 0 ? "/run/dokanredirector"
            : !string.IsNullOrEmpty(runtimeDirectory) ? Path.Combine(runtimeDirectory, "dokanredirector")
            : Path.Combine(Path.GetTempPath(), "dokanredirector-" + userId.ToString(CultureInfo.InvariantCulture));
        return Path.Combine(directory, FileName);
    }

    public static string Default() =>
        Default(UnixUser.EffectiveUserId, Environment.GetEnvironmentVariable("XDG_RUNTIME_DIR"));

    /// <summary>
    /// Creates the socket's directory with mode 0700, or makes an existing one 0700. Setting the mode fails
    /// on a directory someone else owns (only its owner or root may chmod), which is the point: under /tmp
    /// another user could have made it first.
    /// </summary>
    /// <exception cref="UnauthorizedAccessException">The directory belongs to someone else.</exception>
    public static void PrepareDirectory(string socketPath)
    {
        const UnixFileMode Private = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
        var directory = Directory(socketPath);
        System.IO.Directory.CreateDirectory(directory, Private);
        File.SetUnixFileMode(directory, Private);
    }

    private static string Directory(string socketPath) =>
        Path.GetDirectoryName(Path.GetFullPath(socketPath)) ?? "/";
}
