using System.Diagnostics;

namespace DokanRedirector.Benchmarks;

/// <summary>Runs this benchmark again, in a child mode, and the command-line tools the mount modes time.</summary>
internal static class ChildProcess
{
    /// <summary>The command line that starts this benchmark with <paramref name="args"/>: under <c>dotnet run</c> the
    /// apphost; under <c>dotnet x.dll</c> dotnet, which needs the assembly first.</summary>
    public static List<string> Self(params string[] args)
    {
        var host = Environment.ProcessPath ?? throw new InvalidOperationException("No process path to start a child of the benchmark with.");
        var line = new List<string> { host };
        if (Path.GetFileNameWithoutExtension(host) == "dotnet")
        {
            line.Add(typeof(ChildProcess).Assembly.Location);
        }
        line.AddRange(args);
        return line;
    }

    /// <summary>Starts <paramref name="commandLine"/> with its standard streams redirected to us.</summary>
    public static Process Start(IReadOnlyList<string> commandLine, bool input = false)
    {
        var start = new ProcessStartInfo(commandLine[0])
        {
            RedirectStandardInput = input,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["LC_ALL"] = "C"; // `ls` sorts bytewise, as fast as it can
        foreach (var arg in commandLine.Skip(1))
        {
            start.ArgumentList.Add(arg);
        }
        return Process.Start(start) ?? throw new InvalidOperationException($"{commandLine[0]} did not start.");
    }

    /// <summary>
    /// Runs <paramref name="command"/> in <c>/bin/sh</c> with standard output to /dev/null (a pipe to us would add a copy
    /// of every byte) and returns its wall time in seconds, shell start included; throws unless it exits 0.
    /// <c>$1</c>… in the command are <paramref name="args"/>.
    /// </summary>
    public static async Task<double> TimeShellAsync(string command, params string[] args)
    {
        var time = Stopwatch.StartNew();
        using var shell = Start(["/bin/sh", "-c", command + " > /dev/null", "sh", .. args]);
        var errors = shell.StandardError.ReadToEndAsync();
        await shell.StandardOutput.ReadToEndAsync().ConfigureAwait(false);
        await shell.WaitForExitAsync().ConfigureAwait(false);
        var seconds = time.Elapsed.TotalSeconds;
        if (shell.ExitCode != 0)
        {
            throw new InvalidOperationException($"`{command}` ({string.Join(' ', args)}) failed ({shell.ExitCode}): {await errors.ConfigureAwait(false)}");
        }
        return seconds;
    }

    /// <summary>Runs <paramref name="commandLine"/> to its end and returns its standard output; throws unless it exits 0.</summary>
    public static async Task<string> OutputAsync(IReadOnlyList<string> commandLine, string? input = null)
    {
        using var child = Start(commandLine, input is not null);
        if (input is not null)
        {
            await child.StandardInput.WriteAsync(input).ConfigureAwait(false);
            child.StandardInput.Close();
        }
        var output = child.StandardOutput.ReadToEndAsync();
        var errors = child.StandardError.ReadToEndAsync();
        await child.WaitForExitAsync().ConfigureAwait(false);
        if (child.ExitCode != 0)
        {
            throw new InvalidOperationException($"{string.Join(' ', commandLine)} failed ({child.ExitCode}): {await errors.ConfigureAwait(false)}");
        }
        return await output.ConfigureAwait(false);
    }
}
