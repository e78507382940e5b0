using System.Globalization;
using DokanRedirector.LocalSamba;

namespace DokanRedirector.Benchmarks;

/// <summary>
/// The mount benchmark (<c>-- mount</c>): a throw-away Samba with its shares on tmpfs, the share mounted with our stack
/// (Redirector + SMB mini-redirector + FUSE) in a child process of its own, as the service hosts it, and, when
/// installed, with <c>rclone mount</c>; in one run, on the same files, a user's tools through both mounts against
/// <c>smbclient</c>: cat, dd, a cold <c>ls -l</c> and warm stats; then the memory of a mount that another process
/// holds many files open on. Prints medians, ratios and verdicts.
/// </summary>
internal static class MountSideBySide
{
    private const int MiB = TestFiles.MiB;
    private const string HeldName = "held";
    private const string Rclone = "rclone";

    public static async Task<int> RunAsync(string[] args)
    {
        if (!SideBySideOptions.TryParse("mount", args, out var options))
        {
            return 2;
        }
        var signals = Interruption.Register();
        try
        {
            return await RunAsync(options).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            Console.Error.WriteLine("interrupted: everything mounted is unmounted.");
            return 130;
        }
        finally
        {
            Array.ForEach(signals, signal => signal.Dispose());
        }
    }

    private static async Task<int> RunAsync(SideBySideOptions options)
    {
        var sizes = Sizes.For(options.Divisor);
        var loadBefore = LoadAverage();
        Console.WriteLine($"Starting Samba on tmpfs and writing {(sizes.Read + sizes.Write) / MiB} MiB of test data…");
        await using var samba = await TestFiles.StartSambaAsync().ConfigureAwait(false);
        var writeSource = await TestFiles.MakeAsync(samba, sizes.Read, sizes.Write, sizes.Entries).ConfigureAwait(false);
        var shareDirectory = samba.SharePath(TestFiles.Share);
        await TestFiles.MakeEntriesAsync(Path.Combine(shareDirectory, HeldName), sizes.Held).ConfigureAwait(false);

        // First, in processes of their own, so nothing the phases below allocate counts.
        Console.WriteLine($"memory: holding {sizes.Held:N0} files open through a mount in a child process…");
        var memory = await MountMemoryProbe.RunAsync(samba.Port, HeldName, sizes.Held).ConfigureAwait(false);

        // One client at a time, so each sees only its own session in smbstatus.
        var smbclientView = await SmbClientTime.ServerViewAsync(samba, SmbClientSide.Unsigned).ConfigureAwait(false);
        await using var ourMount = await OurMountProcess.StartAsync(samba.Port).ConfigureAwait(false);
        var ours = new MountedShare(ourMount.Directory, writeSource, "written-by-ours.bin", shareDirectory, OurMount.CacheTimeout);
        ours.CheckListing(sizes.Entries);
        var ourStatus = (await samba.SmbStatusAsync("-b").ConfigureAwait(false)).Output;
        var sessions = SmbClientTime.SessionsOf(ourStatus);
        var views = $"ours {SmbClientTime.SessionOf(ourStatus)}; smbclient {smbclientView}";
        var readAhead = $"ours {ours.ReadAheadKilobytes()} KiB";

        var rcloneMount = RcloneMount.IsInstalled() ? await RcloneMount.StartAsync(samba.Port).ConfigureAwait(false) : null;
        try
        {
            MountedShare? rclone = null;
            if (rcloneMount is not null)
            {
                rclone = new MountedShare(rcloneMount.Directory, writeSource, "written-by-rclone.bin", shareDirectory, RcloneMount.CacheTimeout);
                rclone.CheckListing(sizes.Entries);
                readAhead += $", rclone {rclone.ReadAheadKilobytes()} KiB";
                foreach (var (pid, view) in SmbClientTime.SessionsOf((await samba.SmbStatusAsync("-b").ConfigureAwait(false)).Output))
                {
                    views += sessions.ContainsKey(pid) ? "" : $"; rclone {view}";
                }
            }
            var theirs = new SmbClientSide(samba, writeSource);
            Side[] Rclone(Func<MountedShare, Task<double>> run) => rclone is null ? [] : [Row.Timed(MountSideBySide.Rclone, () => run(rclone))];

            var results = new Results();
            JitSettling.Report settling = default;
            async Task SettleAsync()
            {
                Console.WriteLine("our mount: cat and dd until its JIT settles…");
                settling = await JitSettling.RunAsync(ourMount, ours, sizes.Write).ConfigureAwait(false);
            }
            await options.RunRoundsAsync(async (round, forward) =>
            {
                var counted = round == 0 ? null : results;
                await Row.RunAsync(counted?.Read, forward,
                    [Row.Timed(Row.Ours, ours.CatAsync), .. SmbClientSide.Both(o => theirs.GetAsync(sizes.Read, o)), .. Rclone(m => m.CatAsync())]).ConfigureAwait(false);
                await Row.RunAsync(counted?.Write, forward,
                    [Row.Timed(Row.Ours, () => ours.DdAsync(sizes.Write)), .. SmbClientSide.Both(o => theirs.PutAsync(sizes.Write, o)), .. Rclone(m => m.DdAsync(sizes.Write))]).ConfigureAwait(false);
                await Row.RunAsync(counted?.List, forward,
                    [Row.Timed(Row.Ours, ours.ListAsync), .. SmbClientSide.Both(theirs.ListAsync), .. Rclone(m => m.ListAsync())]).ConfigureAwait(false);
                await Row.RunAsync(counted?.StatInARow, forward,
                    [Row.Timed(Row.Ours, () => ours.StatAsync(sizes.Stats, TimeSpan.Zero)), .. Rclone(m => m.StatAsync(sizes.Stats, TimeSpan.Zero))]).ConfigureAwait(false);
                await Row.RunAsync(counted?.Stat, forward,
                    [Row.Timed(Row.Ours, () => ours.StatAsync(sizes.Stats, MountedShare.StatPause)), .. Rclone(m => m.StatAsync(sizes.Stats, MountedShare.StatPause))]).ConfigureAwait(false);
            }, SettleAsync).ConfigureAwait(false);

            var load = $"{loadBefore} before, {LoadAverage()} after, on {Environment.ProcessorCount} cores";
            Print(sizes, options.Rounds, rclone is not null, new Facts(views, readAhead, load, settling), results, memory);
        }
        finally
        {
            if (rcloneMount is not null)
            {
                await rcloneMount.DisposeAsync().ConfigureAwait(false);
            }
        }
        return 0;
    }

    private static void Print(Sizes sizes, int rounds, bool rclone, Facts facts, Results results, MountMemoryProbe.Report memory)
    {
        Console.WriteLine();
        Console.WriteLine($"Mount side by side: medians of {rounds} rounds (a warm-up round before them), Samba on 127.0.0.1, shares on tmpfs.");
        Console.WriteLine("ours: Redirector + SMB mini-redirector + FUSE mount in a process of its own, as `dokanredirector serve` hosts it; " +
            (rclone ? "rclone: `rclone mount :smb:share` with its defaults (no VFS cache; listings kept 5 min in rclone, so its ls -l is not cold)." : "rclone: not installed."));
        Console.WriteLine("Times: ours and rclone = wall time of the tool's process (sh -c, shell start included); smbclient = as in `-- smb`");
        Console.WriteLine($"(get/put: its own reported rate; ls: wall of {SmbClientSide.ListingsPerRun} listings less that of {SmbClientSide.ListingsPerRun} empty ones).");
        Console.WriteLine("cat reads from the server: the file's pages are dropped before each cat (dd iflag=nocache, checked with fincore).");
        Console.WriteLine($"ls -l is cold: it waits past the mount's cache timeout (ours {OurMount.CacheTimeout.TotalSeconds:F0} s, rclone {RcloneMount.CacheTimeout.TotalSeconds:F0} s).");
        Console.WriteLine($"stat: lstat of each file in this process, twice; the second run is timed, in a row or {MountedShare.StatPause.TotalSeconds:F0} s later");
        Console.WriteLine("(ours keeps attributes 10 s, as Windows' redirector does; rclone 1 s, its --attr-timeout default).");
        Console.WriteLine($"Readahead (the mount's read_ahead_kb): {facts.ReadAhead}.");
        Console.WriteLine($"Our mount's host ran {facts.Settling}: the rounds measure a service past its tiered compilation.");
        Console.WriteLine($"Sessions as smbd saw them (smbstatus -b: dialect, encryption, signing): {facts.Sessions}.");
        Console.WriteLine($"Load average (1, 5, 15 min): {facts.Load}: the machine is shared, so read medians and spreads.");
        Console.WriteLine();
        Row.PrintHeader([Row.Ours, SmbClientSide.Column, Rclone], "ratio");
        results.Read.PrintAgainstSmbClient($"cat {sizes.Read / MiB} MiB", "vs get", 1.25, sizes.Read, Rclone);
        results.Write.PrintAgainstSmbClient($"dd {sizes.Write / MiB} MiB", "vs put", 1.4, sizes.Write, Rclone);
        results.List.PrintAgainstSmbClient($"ls -l {sizes.Entries:N0} entries, cold", "vs ls", 1.5, null, Rclone);
        results.StatInARow.Print($"stat {sizes.Stats:N0} files, in a row (rclone/ours)", [Row.Ours, SmbClientSide.Column, Rclone], new Target(Rclone, 5, AtLeastFaster: true), null, judged: false);
        results.Stat.Print($"stat {sizes.Stats:N0} files, {MountedShare.StatPause.TotalSeconds:F0} s later (rclone/ours)", [Row.Ours, SmbClientSide.Column, Rclone], new Target(Rclone, 5, AtLeastFaster: true), null);
        Console.WriteLine("ratio: ours/smbclient (lower is better); for stat, rclone/ours (how many times faster ours is).");
        string[] cpuColumns = [Row.Ours, SmbClientSide.Column, SmbClientSide.SignedColumn, Rclone];
        Console.WriteLine($"Machine CPU per run, all processes (/proc/stat; smbclient's includes its start and logon, ours dropping the file's pages), {Environment.ProcessorCount} cores: " +
            $"cat: {results.Read.CpuMedians(cpuColumns)}; dd: {results.Write.CpuMedians(cpuColumns)}.");
        if (rclone)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"ours/rclone: cat {Ratio(results.Read)}, dd {Ratio(results.Write)}, ls -l {Ratio(results.List)}, stat {Ratio(results.Stat)}."));
        }
        Console.WriteLine();
        memory.Print();
    }

    // The first three fields of /proc/loadavg: on a shared machine, what the others ran meanwhile.
    private static string LoadAverage() => string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ')[..3]);

    private static string Ratio(Row row) => (row.Median(Row.Ours)!.Value / row.Median(Rclone)!.Value).ToString("F2", CultureInfo.InvariantCulture);

    /// <summary>What the run saw besides its times.</summary>
    private sealed record Facts(string Sessions, string ReadAhead, string Load, JitSettling.Report Settling);

    /// <summary>The test's sizes: the issue's, or all divided by 8 (<c>--quick</c>) for a smoke run.</summary>
    private readonly record struct Sizes(long Read, long Write, int Entries, int Stats, int Held)
    {
        public static Sizes For(int divisor) => new(512L * MiB / divisor, 256L * MiB / divisor, 5000 / divisor, 1000 / divisor, 10_000 / divisor);
    }
}
