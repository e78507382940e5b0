namespace DokanRedirector.Cli.Commands;

/// <summary>
/// Where <c>use</c> gets a password: one line of standard input (<c>--password-stdin</c>), else a prompt that
/// does not echo, if a person is at the terminal. Never the command line: ps and shell history would show it.
/// </summary>
internal sealed class PasswordSource(ITerminal terminal)
{
    /// <summary>The password, or null with <paramref name="problem"/> saying why there is none.</summary>
    public string? Read(bool fromStandardInput, string account, out string problem)
    {
        problem = "";
        if (fromStandardInput)
        {
            var line = terminal.In.ReadLine();
            if (line is null)
            {
                problem = "--password-stdin: standard input ended before a password line.";
            }
            return line?.TrimEnd('\r');
        }
        if (terminal.IsInputRedirected)
        {
            problem = "No password: standard input is not a terminal, so there is nobody to prompt. "
                + "Pipe the password in and add --password-stdin.";
            return null;
        }
        terminal.Error.Write($"Password for {account}: ");
        return Prompt();
    }

    private string Prompt()
    {
        var typed = new System.Text.StringBuilder();
        while (true)
        {
            var key = terminal.ReadHiddenKey();
            switch (key.Key)
            {
                case ConsoleKey.Enter:
                    terminal.Error.WriteLine();
                    return typed.ToString();
                case ConsoleKey.Backspace:
                    typed.Length = Math.Max(0, typed.Length - 1);
                    break;
                default:
                    if (!char.IsControl(key.KeyChar))
                    {
                        typed.Append(key.KeyChar);
                    }
                    break;
            }
        }
    }
}
