using Spectre.Console;

namespace DokanRedirector.Cli.Commands;

/// <summary>The process's own console.</summary>
internal sealed class SystemTerminal : ITerminal
{
    // Spectre draws as for a terminal unless told otherwise: into a pipe or a file, no escape codes, and lines
    // as long as they need to be instead of wrapped at 80 columns.
    private readonly Lazy<IAnsiConsole> _ansi = new(() => Console.IsOutputRedirected ? Plain() : AnsiConsole.Console);

    public TextWriter Out => Console.Out;

    public TextWriter Error => Console.Error;

    public TextReader In => Console.In;

    public IAnsiConsole Ansi => _ansi.Value;

    public bool IsInputRedirected => Console.IsInputRedirected;

    public ConsoleKeyInfo ReadHiddenKey() => Console.ReadKey(intercept: true);

    /// <summary>Text only, for a writer that is not a terminal.</summary>
    public static IAnsiConsole Plain(TextWriter? writer = null)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer ?? Console.Out),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        console.Profile.Width = 250;
        return console;
    }
}
