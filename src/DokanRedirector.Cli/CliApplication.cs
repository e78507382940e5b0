using System.CommandLine;
using DokanRedirector.Cli.Commands;
using DokanRedirector.Cli.Control;
using DokanRedirector.Cli.Service;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DokanRedirector.Cli;

/// <summary>The composition root: one container, one command tree, one invocation.</summary>
internal static class CliApplication
{
    /// <summary>How long Ctrl+C or SIGTERM gives a command (the service: its forced unmounts) before the process ends anyway.</summary>
    private static readonly TimeSpan TerminationGrace = TimeSpan.FromSeconds(10);

    /// <param name="configure">Lets tests replace parts (the mini-redirector, the front end) before the container is built.</param>
    public static async Task<int> RunAsync(string[] args, ITerminal terminal, Action<IServiceCollection>? configure = null,
        CancellationToken cancellationToken = default)
    {
        var services = new ServiceCollection();
        services.AddSingleton(terminal);
        var verbosity = new LogVerbosity();
        services.AddSingleton(verbosity);
        services.AddLogging(logging => logging
            .SetMinimumLevel(LogLevel.Trace)
            // Asked on every log call, so a command can raise the level after the container is built.
            .AddFilter(verbosity.Allows)
            .AddSimpleConsole(console =>
            {
                console.SingleLine = true;
                console.TimestampFormat = "yyyy-MM-dd HH:mm:ss ";
            })
            // Everything on standard error: standard output is the commands' (tables, trees) alone.
            .AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace));
        services.AddRedirectorService();
        services.AddSingleton<CliOptions>();
        services.AddSingleton<ServiceLauncher>();
        services.AddSingleton<ServiceClient>();
        services.AddSingleton<PasswordSource>();
        services.AddSingleton<UseCommand>();
        services.AddSingleton<StatusCommand>();
        services.AddSingleton<ServeCommand>();
        services.AddSingleton<StopCommand>();
        services.AddSingleton<DemoCommand>();
        configure?.Invoke(services);

        await using var provider = services.BuildServiceProvider();
        var root = new RootCommand("DokanRedirector: map SMB shares like net use, served by an RDBSS-style redirector")
        {
            provider.GetRequiredService<UseCommand>().Build(),
            provider.GetRequiredService<StatusCommand>().Build(),
            provider.GetRequiredService<ServeCommand>().Build(),
            provider.GetRequiredService<StopCommand>().Build(),
            provider.GetRequiredService<DemoCommand>().Build(),
        };
        root.Options.Add(provider.GetRequiredService<CliOptions>().Socket);
        var invocation = new InvocationConfiguration
        {
            Output = terminal.Out,
            Error = terminal.Error,
            ProcessTerminationTimeout = TerminationGrace,
        };
        return await root.Parse(args).InvokeAsync(invocation, cancellationToken);
    }
}
