using System.Diagnostics;
using System.Runtime.Versioning;
using Microsoft.Extensions.Logging;

namespace DokanRedirector.Cli.Control;

/// <summary>
/// Sends a request to the service, starting it first when nobody listens: <c>dokanredirector serve --socket ADDRESS</c>,
/// detached from this terminal, its output in <see cref="ControlEndpoint.LogFile"/>.
/// </summary>
internal sealed class ServiceLauncher(ILogger<ServiceLauncher> logger)
{
    public static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(15);

    /// <summary>The service's output goes to this file; on Windows the service opens it itself (<see cref="ServiceLog"/>).</summary>
    public const string LogVariable = "DOKANREDIRECTOR_LOG";

    /// <exception cref="ServiceUnavailableException">The service could not be started.</exception>
    public async Task<ControlResponse> SendAsync(string address, ControlRequest request, CancellationToken cancellationToken)
    {
        var client = new ControlClient(address);
        if (await client.TrySendAsync(request, cancellationToken) is { } response)
        {
            return response;
        }
        await StartAsync(ControlEndpoint.For(address), cancellationToken);
        return await client.SendAsync(request, cancellationToken);
    }

    private async Task StartAsync(ControlEndpoint endpoint, CancellationToken ct)
    {
        endpoint.PrepareLogDirectory();
        var logFile = endpoint.LogFile;
        string[] command = [.. ThisProgram.Invocation, "serve", "--socket", endpoint.Address];
        using var process = OperatingSystem.IsWindows() ? StartOnWindows(command, logFile) : StartOnLinux(command, logFile);
        Log.ServiceStarted(logger, process.Id, logFile);
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < StartTimeout)
        {
            // Listening first: a service another CLI started at the same moment also counts.
            if (await endpoint.IsListeningAsync(ct))
            {
                return;
            }
            if (process.HasExited)
            {
                throw new ServiceUnavailableException(
                    $"The service exited (code {process.ExitCode}) before it listened on {endpoint.Address}. See {logFile}.");
            }
            await Task.Delay(100, ct);
        }
        throw new ServiceUnavailableException(
            $"The service did not listen on {endpoint.Address} within {StartTimeout.TotalSeconds} s. See {logFile}.");
    }

    /// <summary>
    /// <c>sh -c 'exec setsid …'</c>: setsid takes the service out of this terminal's session, so neither Ctrl+C
    /// here nor closing the terminal reaches it; the shell points its output at the log file before exec.
    /// </summary>
    private static Process StartOnLinux(string[] command, string logFile)
    {
        var start = new ProcessStartInfo("/bin/sh", ["-c", $"exec setsid \"$0\" \"$@\" </dev/null >>\"${LogVariable}\" 2>&1", .. command])
        {
            UseShellExecute = false,
            // Not the caller's directory: a service whose current directory is inside a mount keeps it busy.
            WorkingDirectory = "/",
        };
        start.Environment[LogVariable] = logFile;
        return Process.Start(start) ?? throw new ServiceUnavailableException($"Could not start {command[0]}.");
    }

    /// <summary>
    /// No window and no handle of ours (<see cref="DetachedProcess"/>): a pipe this CLI's output goes to must end when
    /// the CLI does, not when the service does. Its working directory is the log's, never a mapped drive.
    /// </summary>
    [SupportedOSPlatform("windows")]
    private static Process StartOnWindows(string[] command, string logFile)
    {
        Environment.SetEnvironmentVariable(LogVariable, logFile); // the child inherits this process's environment
        return DetachedProcess.Start(command, Path.GetDirectoryName(logFile)!);
    }
}
