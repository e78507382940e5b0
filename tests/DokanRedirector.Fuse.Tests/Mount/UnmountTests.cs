using System.Diagnostics;
using DokanRedirector.Fuse.Tests.Support;

namespace DokanRedirector.Fuse.Tests.Mount;

/// <summary>How a mount ends: by us (normal or forced) or from outside, each with a mount of its own.</summary>
[TestFixture]
[NonParallelizable]
public sealed class UnmountTests
{
    private SambaMount _mount = null!;

    [SetUp]
    public async Task MountAsync()
    {
        _mount = await SambaMount.StartShareAsync();
        await File.WriteAllTextAsync(_mount.OnServer("held.txt"), "held open\n");
    }

    [TearDown]
    public async Task DisposeAsync() => await _mount.DisposeAsync();

    private static bool IsMounted(string mountPoint) =>
        File.ReadLines("/proc/self/mountinfo").Any(l => l.Split(' ')[4] == mountPoint);

    /// <summary>A shell that opens the file as fd 3, says so, and later reads it again.</summary>
    private Process HoldOpen(string later)
    {
        var start = new ProcessStartInfo("/bin/sh")
        {
            ArgumentList = { "-c", $"exec 3< '{_mount.InMount("held.txt")}'; echo opened; read _; {later}" },
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var process = Process.Start(start)!;
        Assert.That(process.StandardOutput.ReadLine(), Is.EqualTo("opened"));
        return process;
    }

    [Test]
    public async Task Unmount_WithoutForce_UnmountsAndCompletes()
    {
        await _mount.Mount.UnmountAsync(force: false);

        Assert.That(_mount.Mount.Completion.IsCompleted);
        Assert.That(IsMounted(_mount.MountPoint), Is.False);
    }

    [Test]
    public async Task Unmount_WithoutForce_WhileAFileIsOpen_FailsAsBusy_AndTheMountKeepsWorking()
    {
        using var holder = HoldOpen("cat <&3");

        var refused = await Assert.ThrowsAsync<FuseMountException>(async () => await _mount.Mount.UnmountAsync(force: false));

        Assert.That(refused!.Message, Does.Contain("busy"));
        Assert.That(IsMounted(_mount.MountPoint));
        await holder.StandardInput.WriteLineAsync();
        Assert.That(await holder.StandardOutput.ReadToEndAsync(), Is.EqualTo("held open\n"));
        await holder.WaitForExitAsync();
    }

    [Test]
    public async Task Unmount_WithForce_WhileAProcessHoldsAFile_FailsItsNextReadAtOnce_AndClosesTheHandle()
    {
        using var holder = HoldOpen("cat <&3; echo \"status $?\"");

        var stopwatch = Stopwatch.StartNew();
        await _mount.Mount.UnmountAsync(force: true);
        await holder.StandardInput.WriteLineAsync();
        var output = await holder.StandardOutput.ReadToEndAsync();
        var error = await holder.StandardError.ReadToEndAsync();
        await holder.WaitForExitAsync();

        Assert.That(stopwatch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(1)));
        Assert.That(output, Does.Contain("status 1"));
        Assert.That(error, Does.Contain("Transport endpoint is not connected").Or.Contain("Input/output error"));
        Assert.That(IsMounted(_mount.MountPoint), Is.False);
        Assert.That(_mount.Redirector.HandleCount, Is.Zero, "the handle the kernel never released is closed");
    }

    [Test]
    public async Task Disconnect_WhileAProcessHoldsAFile_NamesThatProcess()
    {
        using var holder = HoldOpen("cat <&3");

        var refused = await _mount.Redirector.DisconnectAsync(_mount.MountPoint, force: false);

        Assert.That(refused.Status, Is.EqualTo(NtStatus.FilesOpen));
        Assert.That(refused.Value!.Select(f => f.ProcessId), Does.Contain(holder.Id));
        await holder.StandardInput.WriteLineAsync();
        await holder.WaitForExitAsync();
    }

    [Test]
    public async Task Fusermount_FromOutside_EndsTheMount()
    {
        await Shell.SucceedAsync($"fusermount3 -u '{_mount.MountPoint}'");

        await _mount.Mount.Completion.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.That(IsMounted(_mount.MountPoint), Is.False);
    }

    [Test]
    public async Task Unmount_AfterTheMountEnded_DoesNothing()
    {
        await Shell.SucceedAsync($"umount '{_mount.MountPoint}'");
        await _mount.Mount.Completion.WaitAsync(TimeSpan.FromSeconds(10));

        await _mount.Mount.UnmountAsync(force: false);
        await _mount.Mount.UnmountAsync(force: true);

        Assert.That(_mount.Mount.Completion.IsCompletedSuccessfully);
    }
}
