using System.CommandLine;
using DokanRedirector.Cli.Control;

namespace DokanRedirector.Cli.Commands;

/// <summary>Options every command takes (one instance per command tree: a symbol belongs to its parents).</summary>
internal sealed class CliOptions
{
    /// <summary>Tests and side-by-side services pick their own socket; everyone else gets the per-user default.</summary>
    public Option<string> Socket { get; } = new("--socket")
    {
        Description = OperatingSystem.IsWindows()
            ? "The service's control pipe (default: dokanredirector-<your SID>)"
            : "The service's control socket (default: $XDG_RUNTIME_DIR/dokanredirector/control.sock; "
                + "/run/dokanredirector/control.sock for root)",
        Recursive = true,
        HelpName = OperatingSystem.IsWindows() ? "NAME" : "PATH",
    };

    /// <summary>The socket's full path on Linux, the pipe's name on Windows.</summary>
    public string Address(ParseResult parse) => ControlEndpoint.For(parse.GetValue(Socket)).Address;
}
