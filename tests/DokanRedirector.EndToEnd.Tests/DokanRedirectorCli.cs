using System.Diagnostics;

namespace DokanRedirector.EndToEnd.Tests;

/// <summary>
/// Runs the real <c>dokanredirector</c> program (built next to the tests) against a control socket of the
/// test's own, so its background service is the test's and nobody else's.
/// </summary>
internal sealed class DokanRedirectorCli(string socketPath)
{
    public string SocketPath { get; } = socketPath;

    public static string Program => Path.Combine(AppContext.BaseDirectory, "dokanredirector.dll");

    /// <summary>Runs <c>dokanredirector --socket … args</c> with <paramref name="stdin"/> piped in.</summary>
    public Task<ShellResult> RunAsync(string? stdin, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { ArgumentList = { Program, "--socket", SocketPath } };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        start.Environment["NO_COLOR"] = "1";
        return Shell.RunAsync(start, stdin, $"`dokanredirector {string.Join(' ', args)}`");
    }

    /// <summary><c>use MOUNT \\127.0.0.1\share --port N --user root --password-stdin</c>.</summary>
    public Task<ShellResult> UseAsync(string mountPoint, string remote, int port, string password = SambaServer.Password, params string[] extra) =>
        RunAsync(password, ["use", mountPoint, remote, "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--user", SambaServer.User, "--password-stdin", .. extra]);

    public async Task<string> SucceedAsync(string? stdin, params string[] args)
    {
        var result = await RunAsync(stdin, args);
        Assert.That(result.ExitCode, Is.Zero, $"dokanredirector {string.Join(' ', args)}: {result}");
        return result.Output;
    }

    /// <summary>Stops the service (it unmounts whatever is left, forced).</summary>
    public Task StopAsync() => RunAsync(null, "stop");
}
