using System.Diagnostics;
using System.Globalization;
using System.Runtime;

namespace DokanRedirector.Benchmarks;

/// <summary>
/// <see cref="OurMount"/> in a child process of its own (<c>mount-host PORT</c>), as <c>dokanredirector serve</c> hosts
/// a user's mounts: the timed tools then share the machine with the mount's process, as they would with the service,
/// not with this benchmark's runtime too (its timers, child processes and collections). Each line written to the child
/// asks how many methods its JIT has compiled; closing its input (disposing) unmounts, and it exits.
/// </summary>
internal sealed class OurMountProcess : IAsyncDisposable
{
    public const string Command = "mount-host";

    private readonly Process _host;
    private readonly Task<string> _errors;

    private OurMountProcess(Process host, Task<string> errors, string directory)
    {
        _host = host;
        _errors = errors;
        Directory = directory;
    }

    public string Directory { get; }

    public int ProcessId => _host.Id;

    /// <summary>The child: mounts, prints the mount directory, answers each line with its JIT's count of compiled
    /// methods, unmounts when its input closes (the parent closes it when done, or by dying).</summary>
    public static async Task<int> HostAsync(string[] args)
    {
        await using var ours = await OurMount.StartAsync(int.Parse(args[0], CultureInfo.InvariantCulture)).ConfigureAwait(false);
        Console.WriteLine(ours.Directory);
        while (await Console.In.ReadLineAsync().ConfigureAwait(false) is not null)
        {
            Console.WriteLine(JitInfo.GetCompiledMethodCount());
        }
        return 0;
    }

    public static async Task<OurMountProcess> StartAsync(int port)
    {
        var host = ChildProcess.Start(ChildProcess.Self(Command, port.ToString(CultureInfo.InvariantCulture)), input: true);
        var errors = host.StandardError.ReadToEndAsync();
        var directory = await host.StandardOutput.ReadLineAsync().ConfigureAwait(false);
        if (directory is null)
        {
            await host.WaitForExitAsync().ConfigureAwait(false);
            var message = $"The mount host ended ({host.ExitCode}) before mounting: {await errors.ConfigureAwait(false)}";
            host.Dispose();
            throw new InvalidOperationException(message);
        }
        return new OurMountProcess(host, errors, directory);
    }

    /// <summary>How many methods the host's JIT has compiled so far, every tier and rejit counted.</summary>
    public async Task<long> CompiledMethodsAsync()
    {
        await _host.StandardInput.WriteLineAsync().ConfigureAwait(false);
        await _host.StandardInput.FlushAsync().ConfigureAwait(false);
        var line = await _host.StandardOutput.ReadLineAsync().ConfigureAwait(false)
            ?? throw new InvalidOperationException($"The mount host ended: {await _errors.ConfigureAwait(false)}");
        return long.Parse(line, CultureInfo.InvariantCulture);
    }

    public async ValueTask DisposeAsync()
    {
        _host.StandardInput.Close();
        await _host.WaitForExitAsync().ConfigureAwait(false);
        var exitCode = _host.ExitCode;
        _host.Dispose();
        Checks.That(exitCode == 0, $"The mount host exited with {exitCode} when unmounting: {await _errors.ConfigureAwait(false)}");
    }
}
