using System.Diagnostics;
using DokanRedirector.Cli.Commands;
using DokanRedirector.Cli.Tests.Support;

namespace DokanRedirector.Cli.Tests.Cli;

/// <summary>
/// <c>dokanredirector</c> as a separate process, as a user and the EndToEnd tests run it: the first command
/// starts the background service on the given socket, <c>stop</c> ends it.
/// </summary>
public sealed class ServiceProcessTests
{
    private static readonly string Cli = Path.Combine(AppContext.BaseDirectory, "dokanredirector.dll");

    private static async Task<(int ExitCode, string Output)> RunAsync(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet", [Cli, .. args])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output + await errors);
    }

    [Test]
    public async Task The_first_command_starts_the_service_and_stop_ends_it()
    {
        using var dir = new TempDirectory();
        var socket = dir.File("control.sock");
        try
        {
            var listed = await RunAsync("use", "--socket", socket);
            var status = await RunAsync("status", "--socket", socket);
            var stopped = await RunAsync("stop", "--socket", socket);
            Assert.Multiple(() =>
            {
                Assert.That(listed, Is.EqualTo((ExitCodes.Success, "There are no entries in the list.\n")));
                Assert.That(status.ExitCode, Is.EqualTo(ExitCodes.Success));
                Assert.That(status.Output, Does.Match("^Service: pid [0-9]+, version .+\nNo server is connected.\n$"));
                Assert.That(stopped, Is.EqualTo((ExitCodes.Success, "The service stopped.\n")));
                Assert.That(File.ReadAllText(dir.File("service.log")), Does.Contain($"Listening on {socket}"));
                Assert.That(File.Exists(socket), Is.False);
            });
        }
        finally
        {
            await RunAsync("stop", "--socket", socket); // never leave a service behind, whatever failed
        }
    }

    [Test]
    public async Task Serve_ends_cleanly_on_sigterm_and_removes_its_socket()
    {
        using var dir = new TempDirectory();
        var socket = dir.File("control.sock");
        using var serve = Process.Start(new ProcessStartInfo("dotnet", [Cli, "serve", "--socket", socket])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var log = serve.StandardError.ReadToEndAsync();
        await Eventually.HoldsAsync(() => File.Exists(socket), "serve to listen");
        await Shell.SignalAsync(serve.Id, "TERM");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await serve.WaitForExitAsync(timeout.Token);
        Assert.Multiple(async () =>
        {
            Assert.That(serve.ExitCode, Is.EqualTo(ExitCodes.Success), await log);
            Assert.That(await log, Does.Contain("Stopping: unmounting everything"));
            Assert.That(File.Exists(socket), Is.False);
        });
    }

    [Test]
    public async Task Stop_when_no_service_runs_says_so_and_starts_none()
    {
        using var dir = new TempDirectory();
        var stopped = await RunAsync("stop", "--socket", dir.File("control.sock"));
        Assert.Multiple(() =>
        {
            Assert.That(stopped, Is.EqualTo((ExitCodes.Success, "The service is not running.\n")));
            Assert.That(Directory.GetFileSystemEntries(dir.Path), Is.Empty);
        });
    }
}
