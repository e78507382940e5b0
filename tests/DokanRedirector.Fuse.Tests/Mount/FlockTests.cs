using System.Diagnostics;
using DokanRedirector.Fuse.Tests.Support;
using DokanRedirector.Rdbss.Mrx;

namespace DokanRedirector.Fuse.Tests.Mount;

/// <summary>flock(2) through the mount is an SMB2 lock on the server: another client (here a second handle of the
/// Redirector, which the server treats as any other open) locking the whole file, as a Windows program does, sees it,
/// and the mount sees the other client's. The data itself stays readable and writable, as flock is advisory.</summary>
[TestFixture]
public sealed class FlockTests : PerTestDirectoryFixture
{
    // LockFileEx over every byte, as far as a signed offset goes.
    private const long WholeFile = long.MaxValue;

    private static readonly CreateParameters ReadWrite = new(NtAccessMask.GenericRead | NtAccessMask.GenericWrite, NtCreateDisposition.Open);

    [Test]
    public async Task Flock_ThroughTheMount_KeepsAnotherClientFromLocking_UntilItsHolderEnds()
    {
        await File.WriteAllTextAsync(Path.Combine(ServerDir, "locked.txt"), "x");
        var other = await OpenAsOtherClientAsync("locked.txt");
        using var holder = Process.Start(new ProcessStartInfo("flock", ["-x", Path.Combine(Dir, "locked.txt"), "-c", "echo held; exec sleep 30"])
        {
            RedirectStandardOutput = true,
        })!;
        try
        {
            Assert.That(await holder.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(10)), Is.EqualTo("held"));

            Assert.That(await Share.Redirector.LockAsync(other, 0, WholeFile, exclusive: false, failImmediately: true), Is.EqualTo(NtStatus.LockNotGranted));
        }
        finally
        {
            holder.Kill(entireProcessTree: true); // ours: closing its file drops the lock
            await holder.WaitForExitAsync();
        }
        var granted = Stopwatch.StartNew();
        while (await Share.Redirector.LockAsync(other, 0, WholeFile, exclusive: false, failImmediately: true) != NtStatus.Success)
        {
            Assert.That(granted.Elapsed, Is.LessThan(TimeSpan.FromSeconds(5)), "the lock went with its holder's file");
            await Task.Delay(20);
        }
        await Share.Redirector.CloseAsync(other);
    }

    [Test]
    public async Task FlockNonBlocking_OfAFileAnotherClientLocked_FailsAtOnce_ThenSucceedsOnceUnlocked()
    {
        var other = await LockedByOtherClientAsync("theirs.txt");

        var refused = await Shell.RunAsync($"flock -n -s '{Dir}/theirs.txt' true");
        await Share.Redirector.UnlockAsync(other, 0, WholeFile);
        var allowed = await Shell.RunAsync($"flock -n -x '{Dir}/theirs.txt' true");
        await Share.Redirector.CloseAsync(other);

        Assert.Multiple(() =>
        {
            Assert.That(refused.ExitCode, Is.EqualTo(1), $"flock -n while another client holds a lock: {refused}");
            Assert.That(allowed.ExitCode, Is.Zero, $"flock -n once it is gone: {allowed}");
        });
    }

    [Test]
    public async Task BlockingFlock_WaitsOnTheServer_UntilTheOtherClientUnlocks()
    {
        var other = await LockedByOtherClientAsync("wait.txt");
        using var waiter = Process.Start(new ProcessStartInfo("flock", ["-x", Path.Combine(Dir, "wait.txt"), "-c", "echo got"])
        {
            RedirectStandardOutput = true,
        })!;
        var got = waiter.StandardOutput.ReadLineAsync();
        try
        {
            Assert.That(await Task.WhenAny(got, Task.Delay(500)), Is.Not.SameAs(got), "flock -x waits while the other client holds its lock");

            await Share.Redirector.UnlockAsync(other, 0, WholeFile);

            Assert.That(await got.WaitAsync(TimeSpan.FromSeconds(5)), Is.EqualTo("got"));
        }
        finally
        {
            if (!waiter.HasExited)
            {
                waiter.Kill(entireProcessTree: true); // ours
            }
            await waiter.WaitForExitAsync();
            await Share.Redirector.CloseAsync(other);
        }
    }

    [Test]
    public async Task BlockingFlock_KilledWhileItWaits_EndsAtOnce()
    {
        var other = await LockedByOtherClientAsync("stuck.txt");
        var time = Stopwatch.StartNew();

        // SIGTERM after 1 s: FUSE_INTERRUPT cancels the SMB2 LOCK waiting on the server, so the process can die.
        var result = await Shell.RunAsync($"timeout 1 flock -x '{Dir}/stuck.txt' true");
        await Share.Redirector.CloseAsync(other);

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(124), $"timeout ended it: {result}");
            Assert.That(time.Elapsed, Is.LessThan(TimeSpan.FromSeconds(3)));
        });
    }

    [Test]
    public async Task Flock_Conversions_SharedToExclusiveAndUnlock_Succeed()
    {
        await File.WriteAllTextAsync(Path.Combine(ServerDir, "convert.txt"), "x");

        // One descriptor (fd 9): shared, then exclusive, then unlocked, as flock(1) scripts do.
        var result = await Shell.RunAsync($"exec 9<'{Dir}/convert.txt' && flock -s 9 && flock -x 9 && flock -u 9 && flock -n -x 9");

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
    }

    [Test]
    public async Task Flock_LeavesTheDataReadableAndWritable_ToItsHolderAndToOthers()
    {
        await File.WriteAllTextAsync(Path.Combine(ServerDir, "shared.txt"), "before\n");

        // A shared flock, then a write through the same descriptor (what .NET does at every FileStream open); an
        // exclusive one, then a read through another open (cat), as advisory locking allows.
        var result = await Shell.RunAsync(
            $"exec 9>>'{Dir}/shared.txt' && flock -s 9 && echo after >&9 && flock -x 9 && cat '{Dir}/shared.txt'");

        Assert.That(result.Output, Is.EqualTo("before\nafter\n"), result.ToString());
    }

    /// <summary>A new file <paramref name="name"/>, opened by the other client, which holds an exclusive lock on all of
    /// it; returns that client's handle.</summary>
    private async Task<long> LockedByOtherClientAsync(string name)
    {
        await File.WriteAllTextAsync(Path.Combine(ServerDir, name), "x");
        var other = await OpenAsOtherClientAsync(name);
        Assert.That(await Share.Redirector.LockAsync(other, 0, WholeFile, exclusive: true, failImmediately: true), Is.EqualTo(NtStatus.Success));
        return other;
    }

    private async Task<long> OpenAsOtherClientAsync(string name)
    {
        var opened = await Share.Redirector.CreateAsync(Share.Connection!.Resolve($"{TestName}/{name}"), ReadWrite);
        Assert.That(opened.Status, Is.EqualTo(NtStatus.Success));
        return opened.Value.Handle;
    }
}
