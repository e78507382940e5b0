using System.CommandLine;
using DokanRedirector.Cli.Control;

namespace DokanRedirector.Cli.Commands;

/// <summary><c>status</c>: the service's SrvCall → NetRoot → VNetRoot → open files tree.</summary>
internal sealed class StatusCommand(CliOptions cli, ServiceClient service, ITerminal terminal)
{
    public Command Build()
    {
        var command = new Command("status", "Show the live redirector structures with conditions and reference counts");
        command.SetAction((parse, ct) => service.CallAsync(cli.Address(parse), new StatusRequest(), response =>
        {
            if (response.Service is { } answered)
            {
                terminal.Out.WriteLine($"Service: pid {answered.ProcessId}, version {answered.Version}");
            }
            StatusTree.Write(terminal.Ansi, response.Status ?? []);
            return ExitCodes.Success;
        }, ct));
        return command;
    }
}
