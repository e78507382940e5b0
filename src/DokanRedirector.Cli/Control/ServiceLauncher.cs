using System.Diagnostics;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;

namespace DokanRedirector.Cli.Control;

/// <summary>
/// Sends a request to the service, starting it first when nobody listens on the socket:
/// <c>dokanredirector serve --socket PATH</c> in a session of its own, its output in a log file next to the socket.
/// </summary>
internal sealed class ServiceLauncher(ILogger<ServiceLauncher> logger)
{
    public static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(15);

    /// <exception cref="ServiceUnavailableException">The service could not be started.</exception>
    public async Task<ControlResponse> SendAsync(string socketPath, ControlRequest request, CancellationToken cancellationToken)
    {
        if (await TrySendAsync(socketPath, request, cancellationToken) is { } response)
        {
            return response;
        }
        await StartAsync(socketPath, cancellationToken);
        return await new ControlClient(socketPath).SendAsync(request, cancellationToken);
    }

    /// <summary>Sends <paramref name="request"/> if the service runs; null if it does not (it is not started).</summary>
    public static async Task<ControlResponse?> TrySendAsync(string socketPath, ControlRequest request, CancellationToken cancellationToken)
    {
        try
        {
            return await new ControlClient(socketPath).SendAsync(request, cancellationToken);
        }
        catch (SocketException e) when (ControlClient.IsNotRunning(e))
        {
            return null;
        }
    }

    private async Task StartAsync(string socketPath, CancellationToken ct)
    {
        ControlSocketPath.PrepareDirectory(socketPath);
        var logFile = ControlSocketPath.LogFile(socketPath);
        using var process = Process.Start(ServeCommandLine(socketPath, logFile))
            ?? throw new ServiceUnavailableException($"Could not start {Environment.ProcessPath}.");
        Log.ServiceStarted(logger, process.Id, logFile);
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < StartTimeout)
        {
            // Listening first: a service another CLI started at the same moment also counts.
            if (await ControlClient.IsListeningAsync(socketPath, ct))
            {
                return;
            }
            if (process.HasExited)
            {
                throw new ServiceUnavailableException(
                    $"The service exited (code {process.ExitCode}) before it listened on {socketPath}. See {logFile}.");
            }
            await Task.Delay(100, ct);
        }
        throw new ServiceUnavailableException(
            $"The service did not listen on {socketPath} within {StartTimeout.TotalSeconds} s. See {logFile}.");
    }

    /// <summary>
    /// <c>sh -c 'exec setsid …'</c>: setsid takes the service out of this terminal's session, so neither Ctrl+C
    /// here nor closing the terminal reaches it; the shell points its output at the log file before exec.
    /// </summary>
    private static ProcessStartInfo ServeCommandLine(string socketPath, string logFile)
    {
        // Run as `dotnet dokanredirector.dll`, the process is the dotnet host: the service needs the dll too.
        var program = ThisProgram.Invocation;
        var start = new ProcessStartInfo("/bin/sh",
            ["-c", "exec setsid \"$0\" \"$@\" </dev/null >>\"$DOKANREDIRECTOR_LOG\" 2>&1", .. program, "serve", "--socket", socketPath])
        {
            UseShellExecute = false,
            // Not the caller's directory: a service whose current directory is inside a mount keeps it busy.
            WorkingDirectory = "/",
        };
        start.Environment["DOKANREDIRECTOR_LOG"] = logFile;
        return start;
    }
}
