using System.CommandLine;
using DokanRedirector.Cli.Control;
using DokanRedirector.Cli.Service;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DokanRedirector.Cli.Commands;

/// <summary>
/// <c>serve</c>: the background service. It owns the Redirector and every mount, answers the other commands on
/// the control socket, and on SIGTERM, Ctrl+C or <c>stop</c> unmounts everything (forced) and exits.
/// It always runs in the foreground (what systemd wants); the CLI detaches it when it starts one itself.
/// </summary>
internal sealed class ServeCommand(
    CliOptions cli, IServiceProvider services, LogVerbosity verbosity, ITerminal terminal, ILogger<ServeCommand> logger)
{
    private readonly Option<string?> _netRoot = new("--net-root")
    {
        Description = "Mount the network root here: DIR/<server>/<share>/… by UNC name, like /net",
        HelpName = "DIR",
    };
    private readonly Option<string?> _credentials = new("--credentials")
    {
        Description = "Servers and logons for the network root, one a line: server=S [port=N] [seal=yes] user=U password=… (mode 0600)",
        HelpName = "FILE",
    };

    public Command Build()
    {
        var command = new Command("serve", "Run the background service (started on demand by the other commands)")
        {
            _netRoot, _credentials,
        };
        command.SetAction(RunAsync);
        return command;
    }

    private async Task<int> RunAsync(ParseResult parse, CancellationToken ct)
    {
        verbosity.Minimum = LogLevel.Information;
        var service = services.GetRequiredService<RedirectorService>();
        var stop = services.GetRequiredService<StopSignal>();
        if (parse.GetValue(_credentials) is { } credentialsFile)
        {
            try
            {
                var entries = await CredentialsFile.LoadAsync(credentialsFile, ct);
                foreach (var entry in entries)
                {
                    service.AddServer(entry);
                }
                Log.CredentialsLoaded(logger, entries.Count, credentialsFile);
            }
            catch (Exception e) when (e is FormatException or IOException or UnauthorizedAccessException)
            {
                return terminal.UsageError($"--credentials: {e.Message}");
            }
        }
        var server = new ControlServer(cli.Address(parse), services.GetRequiredService<IControlHandler>(),
            services.GetRequiredService<ILogger<ControlServer>>());
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(ct, stop.Stopping);
        try
        {
            if (parse.GetValue(_netRoot) is { } netRoot)
            {
                await service.MountNetworkRootAsync(Path.GetFullPath(netRoot), stopping.Token);
            }
            await server.RunAsync(stopping.Token);
        }
        catch (Exception e) when (e is MountException or InvalidOperationException or IOException or UnauthorizedAccessException)
        {
            return terminal.Failure($"The service cannot start: {e.Message}");
        }
        finally
        {
            Log.ServiceStopping(logger);
            await service.DisposeAsync();
        }
        return ExitCodes.Success;
    }
}
