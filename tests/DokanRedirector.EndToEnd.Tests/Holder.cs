using System.Diagnostics;

namespace DokanRedirector.EndToEnd.Tests;

/// <summary>
/// Another process holding a file open on a mount: a shell with the file on descriptor 3. It makes one
/// syscall on the file per line sent to it and answers with how that went, so a test can time the first
/// syscall after a disconnect.
/// </summary>
internal sealed class Holder : IAsyncDisposable
{
    private readonly Process _process;

    private Holder(Process process) => _process = process;

    public int ProcessId => _process.Id;

    /// <param name="mode">"<" to read, "<>" to read and write.</param>
    /// <param name="syscall">A command on descriptor 3, e.g. <c>dd bs=4k count=1 status=none of=/dev/null &lt;&amp;3</c>; its stdout is the test's.</param>
    public static async Task<Holder> OpenAsync(string path, string mode, string syscall)
    {
        var script = $"exec 3{mode}\"$1\" || exit 1; echo opened; while read -r _; do if {syscall} 2>/tmp/holder-$$; then echo ok; else echo \"failed: $(tail -n1 /tmp/holder-$$)\"; fi; done";
        var start = new ProcessStartInfo("/bin/bash") { RedirectStandardInput = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var arg in new[] { "-c", script, "holder", path })
        {
            start.ArgumentList.Add(arg);
        }
        start.Environment["LC_ALL"] = "C";
        var holder = new Holder(Process.Start(start)!);
        Assert.That(await holder.ReadLineAsync(TimeSpan.FromSeconds(10)), Is.EqualTo("opened"), $"open {path}");
        return holder;
    }

    /// <summary>Makes the syscall once; returns "ok" or "failed: <the tool's error>" and how long it took.</summary>
    public async Task<(string Outcome, TimeSpan Took)> SyscallAsync(TimeSpan timeout)
    {
        var watch = Stopwatch.StartNew();
        await _process.StandardInput.WriteLineAsync("go");
        await _process.StandardInput.FlushAsync();
        var outcome = await ReadLineAsync(timeout);
        return (outcome, watch.Elapsed);
    }

    private async Task<string> ReadLineAsync(TimeSpan timeout)
    {
        try
        {
            return await _process.StandardOutput.ReadLineAsync().WaitAsync(timeout) ?? "(holder exited)";
        }
        catch (TimeoutException)
        {
            return $"(no answer within {timeout.TotalSeconds} s: hung)";
        }
    }

    /// <summary>Closes the file (the holder exits).</summary>
    public async ValueTask DisposeAsync()
    {
        _process.StandardInput.Close();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill();
        }
        _process.Dispose();
    }
}
