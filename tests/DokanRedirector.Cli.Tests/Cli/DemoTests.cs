using System.Diagnostics;
using DokanRedirector.Cli.Commands;
using DokanRedirector.Cli.Tests.Support;

namespace DokanRedirector.Cli.Tests.Cli;

/// <summary><c>dokanredirector demo</c> as the README has a newcomer run it: mapped, readable, and gone after the signal.</summary>
[NonParallelizable]
public sealed class DemoTests
{
    [Test]
    public async Task The_demo_maps_a_sample_share_and_cleans_up_on_sigterm()
    {
        FuseAvailability.Require();
        using var dir = new TempDirectory();
        var mountPoint = dir.Subdirectory("demo");
        using var demo = Process.Start(new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "dokanredirector.dll"), "demo", "--dir", mountPoint])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var errors = demo.StandardError.ReadToEndAsync();
        var printed = new System.Text.StringBuilder();
        string? line;
        while ((line = await demo.StandardOutput.ReadLineAsync()) is not null && !line.StartsWith("Press Ctrl+C", StringComparison.Ordinal))
        {
            printed.AppendLine(line);
        }
        if (line is null)
        {
            await demo.WaitForExitAsync();
            var why = await errors;
            if (why.Contains("apt-get install samba", StringComparison.Ordinal) && Environment.GetEnvironmentVariable(TestSamba.SkipVariable) == "1")
            {
                Assert.Ignore(why);
            }
            Assert.Fail($"the demo ended before it was ready (exit {demo.ExitCode}): {printed}{why}");
        }
        var hello = await Shell.RunAsync($"cat '{mountPoint}/hello.txt' && ls '{mountPoint}/notes'");
        await Shell.SignalAsync(demo.Id, "TERM");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await demo.WaitForExitAsync(timeout.Token);
        var rest = await demo.StandardOutput.ReadToEndAsync();

        Assert.Multiple(async () =>
        {
            Assert.That(printed.ToString(), Does.Contain($"is mounted at {mountPoint}").And.Contain($"cat {mountPoint}/hello.txt"));
            Assert.That(rest, Does.Contain("SrvCall").And.Contain("VNetRoot"), "the status tree, after the instructions");
            Assert.That(hello.Output, Does.StartWith("Hello from a share mapped by DokanRedirector!\n").And.Contain("todo.txt"), hello.ToString());
            Assert.That(demo.ExitCode, Is.EqualTo(ExitCodes.Success), await errors);
            Assert.That(rest, Does.Contain("Unmounting, stopping Samba"));
            Assert.That(File.ReadLines("/proc/self/mounts").Any(l => l.Contains(mountPoint, StringComparison.Ordinal)), Is.False);
        });
    }
}
