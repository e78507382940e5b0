using System.Diagnostics;

namespace DokanRedirector.Benchmarks;

/// <summary>
/// A mount of the test share (ours or rclone's) as a user's tools see it: each method returns the seconds one
/// operation took, timed around the tool's whole process (<c>/bin/sh -c</c>, so shell start included: about 1 ms).
/// </summary>
/// <param name="cacheTimeout">How long the mount may answer from the kernel's caches: ours, the Windows redirector's
/// 10 s (<see cref="Fuse.FuseMountOptions"/>); rclone, its --attr-timeout (1 s by default).</param>
internal sealed class MountedShare(string directory, string writeSource, string writeName, string serverDirectory, TimeSpan cacheTimeout)
{
    /// <summary>The pause between the two stat runs of <see cref="StatAsync"/> that the target is measured on: what a
    /// build tool or a file manager leaves between two looks at the same files. Past rclone's 1 s, within our 10 s.</summary>
    public static readonly TimeSpan StatPause = TimeSpan.FromSeconds(2);

    /// <summary>How long <see cref="ListAsync"/> waits before listing, so that the listing is cold.</summary>
    public TimeSpan CacheTimeout => cacheTimeout;

    /// <summary>cat of the read file to /dev/null, from the server: the file's pages are dropped first.</summary>
    public async Task<double> CatAsync()
    {
        var file = Path.Combine(directory, TestFiles.ReadName);
        // Our open keeps the kernel's pages of a file it finds unchanged (FOPEN_KEEP_CACHE, close-to-open), so
        // reopening would read memory. dd's `iflag=nocache count=0` drops this one file's pages
        // (posix_fadvise DONTNEED), and fincore proves it: nothing else on the machine loses its cache.
        await ChildProcess.TimeShellAsync("dd if=\"$1\" iflag=nocache count=0 status=none", file).ConfigureAwait(false);
        var cached = (await ChildProcess.OutputAsync(["fincore", "--bytes", "--noheadings", "--output", "RES", file]).ConfigureAwait(false)).Trim();
        Checks.That(cached == "0", $"{file} still has {cached} bytes in the page cache after dropping them");
        return await ChildProcess.TimeShellAsync("cat \"$1\"", file).ConfigureAwait(false);
    }

    /// <summary>dd of the tmpfs source to the mount, 1 MiB blocks; dd's process includes the close.</summary>
    public async Task<double> DdAsync(long expected)
    {
        var seconds = await ChildProcess.TimeShellAsync("dd if=\"$1\" of=\"$2\" bs=1M status=none", writeSource, Path.Combine(directory, writeName))
            .ConfigureAwait(false);
        var written = new FileInfo(Path.Combine(serverDirectory, writeName)).Length;
        Checks.That(written == expected, $"dd through {directory} left {written} bytes on the server, not {expected}");
        return seconds;
    }

    /// <summary>ls -l of the listing directory, cold: after the mount's cache timeout, so it asks the server again.</summary>
    public async Task<double> ListAsync()
    {
        await Task.Delay(cacheTimeout + TimeSpan.FromMilliseconds(100)).ConfigureAwait(false);
        return await ChildProcess.TimeShellAsync("ls -l \"$1\"", Path.Combine(directory, TestFiles.ListName)).ConfigureAwait(false);
    }

    /// <summary>lstat of the first <paramref name="count"/> entries in this process, twice, <paramref name="pause"/>
    /// apart; the second is timed.</summary>
    public async Task<double> StatAsync(int count, TimeSpan pause)
    {
        var paths = new string[count];
        for (var i = 0; i < count; i++)
        {
            paths[i] = Path.Combine(directory, TestFiles.ListName, TestFiles.EntryName(i));
        }
        StatAll(paths);
        await Task.Delay(pause).ConfigureAwait(false);
        var time = Stopwatch.StartNew();
        StatAll(paths);
        return time.Elapsed.TotalSeconds;
    }

    /// <summary>The mount's readahead (read_ahead_kb).</summary>
    public string ReadAheadKilobytes() => MountInfo.ReadAheadKilobytes(directory);

    /// <summary>Whether the listing directory shows <paramref name="expected"/> entries (and warms the mount up).</summary>
    public void CheckListing(int expected)
    {
        var entries = Directory.GetFiles(Path.Combine(directory, TestFiles.ListName)).Length;
        Checks.That(entries == expected, $"{directory} lists {entries} entries, not {expected}");
    }

    // FileInfo.Length: one lstat(2) each; an entry of the wrong size would mean a wrong answer.
    private static void StatAll(string[] paths)
    {
        foreach (var path in paths)
        {
            Checks.That(new FileInfo(path).Length == 0, $"{path} is not empty");
        }
    }
}
