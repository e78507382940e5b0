using System.Globalization;
using System.Runtime.Versioning;

namespace DokanRedirector.Cli.Control;

/// <summary>Where the service listens, and the private directory around it.</summary>
[SupportedOSPlatform("linux")]
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
    /// Creates the socket's directory with mode 0700. An existing directory is used as it is, never chmod-ed
    /// (it may be /tmp), but refused if other users may write to it: one of them could swap the socket. Who
    /// owns it matters less: the client checks whose service answers (<see cref="ControlClient"/>).
    /// </summary>
    /// <exception cref="UnauthorizedAccessException">Others may write to the directory.</exception>
    public static void PrepareDirectory(string socketPath)
    {
        var directory = Directory(socketPath);
        if (!System.IO.Directory.Exists(directory))
        {
            System.IO.Directory.CreateDirectory(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            return;
        }
        if ((File.GetUnixFileMode(directory) & (UnixFileMode.GroupWrite | UnixFileMode.OtherWrite)) != 0)
        {
            throw new UnauthorizedAccessException(
                $"{directory} is writable by other users, who could replace the control socket. Use a private directory (mode 0700) for --socket.");
        }
    }

    private static string Directory(string socketPath) =>
        Path.GetDirectoryName(Path.GetFullPath(socketPath)) ?? "/";
}
