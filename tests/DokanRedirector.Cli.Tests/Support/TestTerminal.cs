using DokanRedirector.Cli.Commands;
using Spectre.Console;

namespace DokanRedirector.Cli.Tests.Support;

/// <summary>A terminal whose input is given and whose output is kept, drawn as into a pipe.</summary>
internal sealed class TestTerminal : ITerminal
{
    private readonly StringWriter _out = new();
    private readonly StringWriter _error = new();
    private readonly Queue<ConsoleKeyInfo> _keys = new();

    public TestTerminal(string standardInput = "", bool isInputRedirected = true)
    {
        In = new StringReader(standardInput);
        IsInputRedirected = isInputRedirected;
        Ansi = SystemTerminal.Plain(_out);
    }

    public TextWriter Out => _out;

    public TextWriter Error => _error;

    public TextReader In { get; }

    public IAnsiConsole Ansi { get; }

    public bool IsInputRedirected { get; }

    public string Output => _out.ToString();

    public string Errors => _error.ToString();

    /// <summary>Queues what a person types at the prompt, Enter included.</summary>
    public void Type(string text)
    {
        foreach (var c in text)
        {
            _keys.Enqueue(c switch
            {
                '\n' => new ConsoleKeyInfo('\r', ConsoleKey.Enter, false, false, false),
                '\b' => new ConsoleKeyInfo('\b', ConsoleKey.Backspace, false, false, false),
                _ => new ConsoleKeyInfo(c, ConsoleKey.A, false, false, false),
            });
        }
    }

    public ConsoleKeyInfo ReadHiddenKey() => _keys.Dequeue();
}
