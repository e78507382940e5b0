using System.Net.Sockets;
using System.Text.Json;
using DokanRedirector.Cli.Control;

namespace DokanRedirector.Cli.Commands;

/// <summary>
/// A command's conversation with the service: send one request (starting the service if need be), report a
/// failure the same way for every command, and hand a success to the command to print.
/// </summary>
internal sealed class ServiceClient(ServiceLauncher launcher, ITerminal terminal)
{
    public async Task<int> CallAsync(string socketPath, ControlRequest request, Func<ControlResponse, int> onSuccess,
        CancellationToken cancellationToken)
    {
        ControlResponse response;
        try
        {
            response = await launcher.SendAsync(socketPath, request, cancellationToken);
        }
        catch (Exception e) when (IsUnreachable(e))
        {
            return Unreachable(terminal, socketPath, e);
        }
        if (response.Error is not { } error)
        {
            return onSuccess(response);
        }
        if (response.OpenFiles is { Count: > 0 } files)
        {
            terminal.Error.WriteLine("Open files:");
            terminal.Error.WriteOpenFiles(files);
        }
        return terminal.SystemError(error);
    }

    /// <summary>The ways talking to the service fails (as opposed to the service answering an error).</summary>
    public static bool IsUnreachable(Exception e) =>
        e is ServiceUnavailableException or SocketException or IOException or UnauthorizedAccessException or JsonException;

    public static int Unreachable(ITerminal terminal, string socketPath, Exception e) =>
        terminal.Failure($"Cannot reach the dokanredirector service on {socketPath}: {e.Message}");
}
