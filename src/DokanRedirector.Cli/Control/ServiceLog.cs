namespace DokanRedirector.Cli.Control;

/// <summary>
/// A service started on Windows has no shell in between to point its output at the log file (Linux has
/// <c>sh -c '… >>log'</c>), and gets no handle of ours, so it opens the file itself, before anything writes.
/// </summary>
internal static class ServiceLog
{
    /// <summary>Sends standard output and error to the file <see cref="ServiceLauncher.LogVariable"/> names, if it names one.</summary>
    public static void RedirectConsoleIfAsked()
    {
        if (!OperatingSystem.IsWindows() || Environment.GetEnvironmentVariable(ServiceLauncher.LogVariable) is not { Length: > 0 } path)
        {
            return;
        }
        var file = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete);
        // One synchronized writer for both: the console logger and the commands write from several threads.
        var writer = TextWriter.Synchronized(new StreamWriter(file) { AutoFlush = true });
        Console.SetOut(writer);
        Console.SetError(writer);
    }
}
