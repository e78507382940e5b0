using Spectre.Console;

namespace DokanRedirector.Cli.Commands;

/// <summary>The console as the commands see it, so tests can type and read.</summary>
internal interface ITerminal
{
    TextWriter Out { get; }

    TextWriter Error { get; }

    TextReader In { get; }

    /// <summary>Tables and trees, drawn on <see cref="Out"/>.</summary>
    IAnsiConsole Ansi { get; }

    /// <summary>False when a person may be typing: only then can we prompt.</summary>
    bool IsInputRedirected { get; }

    /// <summary>One key, not echoed.</summary>
    ConsoleKeyInfo ReadHiddenKey();
}
