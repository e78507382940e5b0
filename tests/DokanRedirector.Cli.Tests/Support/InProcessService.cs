using DokanRedirector.Cli.Control;
using DokanRedirector.Cli.Service;
using DokanRedirector.Rdbss;
using Microsoft.Extensions.DependencyInjection;

namespace DokanRedirector.Cli.Tests.Support;

/// <summary>
/// <c>dokanredirector serve --socket …</c> running in this process over the stub mini-redirector and the
/// recording front end, plus a way to run client commands against it as a user would type them.
/// </summary>
internal sealed class InProcessService : IAsyncDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly RealParts _parts;
    private readonly CancellationTokenSource _stop = new();
    private Task<int>? _serve;

    private InProcessService(RealParts parts) => _parts = parts;

    public string SocketPath => _dir.File("control.sock");

    public StubMiniRedirector Mrx { get; } = new();

    public RecordingFrontEnd FrontEnd { get; } = new();

    public TestTerminal ServiceTerminal { get; } = new();

    public string NewMountPoint(string name) => _dir.Subdirectory(name);

    /// <param name="parts">Which real parts replace the stubs.</param>
    /// <param name="serveOptions">More options for <c>serve</c>, e.g. <c>--net-root DIR</c>.</param>
    public static async Task<InProcessService> StartAsync(RealParts parts = RealParts.None, params string[] serveOptions)
    {
        var service = new InProcessService(parts);
        service._serve = CliApplication.RunAsync(["serve", "--socket", service.SocketPath, .. serveOptions], service.ServiceTerminal,
            service.Configure, service._stop.Token);
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (!await ControlClient.IsListeningAsync(service.SocketPath, CancellationToken.None))
        {
            if (service._serve.IsCompleted || waited.Elapsed > TimeSpan.FromSeconds(10))
            {
                Assert.Fail($"serve did not listen: {service.ServiceTerminal.Errors}");
            }
            await Task.Delay(20);
        }
        return service;
    }

    /// <summary>Runs <c>dokanredirector ARGS --socket …</c>; standard input is redirected and holds <paramref name="stdin"/>.</summary>
    public async Task<(int ExitCode, TestTerminal Terminal)> RunWithInputAsync(string stdin, params string[] args)
    {
        var terminal = new TestTerminal(stdin);
        var exit = await CliApplication.RunAsync([.. args, "--socket", SocketPath], terminal);
        return (exit, terminal);
    }

    public Task<(int ExitCode, TestTerminal Terminal)> RunAsync(params string[] args) => RunWithInputAsync("", args);

    /// <summary>The exit code of <c>serve</c>, once it ended.</summary>
    public Task<int> Served => _serve!;

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _serve!;
        _stop.Dispose();
        _dir.Dispose();
    }

    private void Configure(IServiceCollection services)
    {
        if (!_parts.HasFlag(RealParts.Smb))
        {
            services.AddSingleton<IMiniRedirector>(Mrx);
        }
        if (!_parts.HasFlag(RealParts.Fuse))
        {
            services.AddSingleton<IMountFrontEnd>(FrontEnd);
        }
    }
}

/// <summary>What an <see cref="InProcessService"/> runs for real: the SMB mini-redirector, FUSE mounts, or both.</summary>
[Flags]
internal enum RealParts
{
    None = 0,
    Smb = 1,
    Fuse = 2,
}
