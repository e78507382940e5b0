using DokanRedirector.Cli;
using DokanRedirector.Cli.Commands;
using DokanRedirector.Cli.Control;

ServiceLog.RedirectConsoleIfAsked();
return await CliApplication.RunAsync(args, new SystemTerminal());
