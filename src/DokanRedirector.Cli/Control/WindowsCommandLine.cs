using System.Text;

namespace DokanRedirector.Cli.Control;

/// <summary>
/// Arguments joined into one Windows command line that CommandLineToArgvW (and .NET's own argument parsing) splits
/// back into the same list: quotes around an argument with blanks or quotes, backslashes doubled only before a quote.
/// </summary>
internal static class WindowsCommandLine
{
    public static string Join(IEnumerable<string> arguments) => string.Join(' ', arguments.Select(Quote));

    public static string Quote(string argument)
    {
        if (argument.Length > 0 && argument.IndexOfAny([' ', '\t', '\n', '\v', '"']) < 0)
        {
            return argument;
        }
        var quoted = new StringBuilder("\"");
        var backslashes = 0;
        foreach (var c in argument)
        {
            if (c == '\\')
            {
                backslashes++;
                continue;
            }
            // Backslashes before a quote escape it, so each one is doubled and the quote gets one of its own.
            quoted.Append('\\', c == '"' ? backslashes * 2 + 1 : backslashes).Append(c);
            backslashes = 0;
        }
        // Before the closing quote, too: doubled, so the quote still closes.
        return quoted.Append('\\', backslashes * 2).Append('"').ToString();
    }
}
