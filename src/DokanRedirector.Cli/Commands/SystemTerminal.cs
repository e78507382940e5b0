using Spectre.Console;

namespace DokanRedirector.Cli.Commands;

/// <summary>The process's own console.</summary>
internal sealed class SystemTerminal : ITerminal
{
    public TextWriter Out => Console.Out;

    public TextWriter Error => Console.Error;

    public TextReader In => Console.In;

    public IAnsiConsole Ansi => AnsiConsole.Console;

    public bool IsInputRedirected => Console.IsInputRedirected;

    public ConsoleKeyInfo ReadHiddenKey() => Console.ReadKey(intercept: true);
}
