using System.Diagnostics;

namespace DokanRedirector.TestSupport;

/// <summary>The outcome of one shell command.</summary>
public sealed record ShellResult(int ExitCode, string Output, string Error)
{
    public override string ToString() => $"exit {ExitCode}; stdout: {Output.Trim()}; stderr: {Error.Trim()}";
}

/// <summary>Runs real tools (ls, cat, cp, mv, dd…) against a mount, as a user would, in /bin/sh.</summary>
public static class Shell
{
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(60);

    public static Task<ShellResult> RunAsync(string command, string workingDirectory = "/")
    {
        var start = new ProcessStartInfo("/bin/sh")
        {
            ArgumentList = { "-c", command },
            WorkingDirectory = workingDirectory,
        };
        start.Environment["LC_ALL"] = "C"; // English error messages, stable `ls` order
        return RunAsync(start, stdin: null, $"`{command}`");
    }

    /// <summary><c>kill -SIGNAL pid</c> (signal e.g. "TERM", "STOP", "CONT"); its outcome, for callers to check or not.</summary>
    public static Task<ShellResult> SignalAsync(int processId, string signal) =>
        RunAsync(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"kill -{signal} {processId}"));

    /// <summary>Runs a program with <paramref name="stdin"/> piped in (then closed); a test fails, naming
    /// <paramref name="what"/>, when it does not finish within <paramref name="timeout"/> (default 60 s).</summary>
    public static async Task<ShellResult> RunAsync(ProcessStartInfo start, string? stdin, string what, TimeSpan? timeout = null)
    {
        start.RedirectStandardInput = true;
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (stdin is not null)
        {
            await process.StandardInput.WriteLineAsync(stdin);
        }
        process.StandardInput.Close();
        var limit = timeout ?? DefaultTimeout;
        using var expired = new CancellationTokenSource(limit);
        try
        {
            await process.WaitForExitAsync(expired.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{what} did not finish within {limit.TotalSeconds} s");
        }
        return new ShellResult(process.ExitCode, await output, await error);
    }

    /// <summary>Runs <paramref name="command"/> and fails the test unless it exits 0; returns its stdout.</summary>
    public static async Task<string> SucceedAsync(string command)
    {
        var result = await RunAsync(command);
        Assert.That(result.ExitCode, Is.Zero, $"`{command}`: {result}");
        return result.Output;
    }
}
