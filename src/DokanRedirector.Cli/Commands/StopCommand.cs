using System.CommandLine;
using System.Diagnostics;
using DokanRedirector.Cli.Control;

namespace DokanRedirector.Cli.Commands;

/// <summary><c>stop</c>: the service unmounts everything (forced) and exits. Does not start a service to stop it.</summary>
internal sealed class StopCommand(CliOptions cli, ITerminal terminal)
{
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(30);

    public Command Build()
    {
        var command = new Command("stop", "Unmount everything and stop the background service");
        command.SetAction(RunAsync);
        return command;
    }

    private async Task<int> RunAsync(ParseResult parse, CancellationToken ct)
    {
        var socket = cli.Address(parse);
        try
        {
            var response = await new ControlClient(socket).TrySendAsync(new StopRequest(), ct);
            if (response is null)
            {
                terminal.Out.WriteLine("The service is not running.");
                return ExitCodes.Success;
            }
            // Back only once it stopped listening, so a script's next command starts a fresh one.
            var waited = Stopwatch.StartNew();
            while (await ControlClient.IsListeningAsync(socket, ct))
            {
                if (waited.Elapsed > StopTimeout)
                {
                    return terminal.Failure($"The service on {socket} was asked to stop but still listens after {StopTimeout.TotalSeconds} s.");
                }
                await Task.Delay(50, ct);
            }
        }
        catch (Exception e) when (ServiceClient.IsUnreachable(e))
        {
            return ServiceClient.Unreachable(terminal, socket, e);
        }
        terminal.Out.WriteLine("The service stopped.");
        return ExitCodes.Success;
    }
}
