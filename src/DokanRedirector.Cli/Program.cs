using DokanRedirector.Cli;
using DokanRedirector.Cli.Commands;

return await CliApplication.RunAsync(args, new SystemTerminal());
