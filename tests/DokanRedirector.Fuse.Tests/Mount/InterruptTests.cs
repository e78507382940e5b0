using System.Diagnostics;
using DokanRedirector.Fuse.Tests.Support;

namespace DokanRedirector.Fuse.Tests.Mount;

/// <summary>
/// FUSE_INTERRUPT: once the kernel has passed a request to us, the caller waits for our answer even when killed,
/// so a silent server would hold it for the SMB request timeout (60 s). Interruptible requests answer at once.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class InterruptTests
{
    private SambaMount _mount = null!;
    private IReadOnlyList<int> _stopped = [];

    [SetUp]
    public async Task MountAsync()
    {
        _mount = await SambaMount.StartShareAsync();
        await File.WriteAllTextAsync(_mount.OnServer("before.txt"), "seen before the server stopped\n");
        Assert.That(File.Exists(_mount.InMount("before.txt")), "the connection is up");
    }

    [TearDown]
    public async Task DisposeAsync()
    {
        await SignalAsync(_stopped, "CONT");
        await _mount.DisposeAsync();
    }

    private static async Task SignalAsync(IEnumerable<int> pids, string signal)
    {
        foreach (var pid in pids)
        {
            await Shell.SignalAsync(pid, signal);
        }
    }

    /// <summary>SIGSTOPs the smbd child serving the mount: it keeps the connection and answers nothing.</summary>
    private async Task SilenceServerAsync()
    {
        _stopped = await _mount.Samba.ServingPidsAsync();
        Assert.That(_stopped, Is.Not.Empty, "smbstatus shows the smbd child serving the mount");
        await SignalAsync(_stopped, "STOP");
    }

    [TestCase("stat")]
    [TestCase("ls")]
    public async Task KilledWhileWaitingOnASilentServer_TheCallerEndsAtOnce_AndTheMountWorksOnceTheServerAnswers(string tool)
    {
        await SilenceServerAsync();
        using var caller = Process.Start(new ProcessStartInfo(tool, [_mount.InMount("never-seen")])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        await Task.Delay(TimeSpan.FromMilliseconds(500));
        Assert.That(caller.HasExited, Is.False, $"{tool} waits for the silent server");

        var killed = Stopwatch.StartNew();
        caller.Kill();
        await Task.WhenAny(caller.WaitForExitAsync(), Task.Delay(TimeSpan.FromSeconds(10)));

        Assert.That(caller.HasExited, $"{tool} still waits 10 s after SIGKILL: the request was not interrupted");
        Assert.That(killed.Elapsed, Is.LessThan(TimeSpan.FromSeconds(2)), $"{tool} ended after the kill, not after the SMB timeout");
        await SignalAsync(_stopped, "CONT");
        _stopped = [];
        Assert.That(await File.ReadAllTextAsync(_mount.InMount("before.txt")), Is.EqualTo("seen before the server stopped\n"));
    }
}
