using System.Globalization;
using DokanRedirector.Cli.Control;
using DokanRedirector.Rdbss;

namespace DokanRedirector.Cli.Commands;

/// <summary>How every command reports a problem: one line on standard error, and the exit code that goes with it.</summary>
internal static class TerminalExtensions
{
    public static int UsageError(this ITerminal terminal, string message)
    {
        terminal.Error.WriteLine(message);
        return ExitCodes.Usage;
    }

    public static int Failure(this ITerminal terminal, string message)
    {
        terminal.Error.WriteLine(message);
        return ExitCodes.Failed;
    }

    /// <summary><c>System error: STATUS_LOGON_FAILURE — …</c>, as <c>net use</c> prints "System error 1326 has occurred."</summary>
    public static int SystemError(this ITerminal terminal, ControlError error) =>
        terminal.Failure($"System error: {error.Status} — {error.Message}");

    /// <summary>One line a file: <c>  /mnt/x/report.txt (process 1234)</c>.</summary>
    public static void WriteOpenFiles(this TextWriter writer, IEnumerable<OpenFileInfo> files)
    {
        foreach (var file in files)
        {
            var process = file.ProcessId == 0 ? "process unknown" : "process " + file.ProcessId.ToString(CultureInfo.InvariantCulture);
            writer.WriteLine($"  {file.Name} ({process})");
        }
    }
}
