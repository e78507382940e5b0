using System.Diagnostics;
using System.Globalization;
using DokanRedirector.LocalSamba;
using DokanRedirector.Smb;

namespace DokanRedirector.Benchmarks;

/// <summary>
/// The memory part of <c>-- smb</c>, in a child process of its own so that nothing the other phases allocated
/// counts toward its peak working set: it reads one file with <see cref="SmbFile.CopyToAsync"/> into
/// <see cref="Stream.Null"/> three times and reports the bytes the first and the last copy allocated (every thread,
/// the receive loop included) and the process's peak working set. The first copy fills the pools and JIT-compiles;
/// the second may still add a pooled frame (as many are alive as responses wait, at most a window's worth); the
/// third shows what each request costs once they are full.
/// </summary>
internal static class SmbMemoryProbe
{
    public const string Command = "smb-memory";

    private const double MiB = 1024 * 1024;
    private const double PeakTargetMiB = 100;

    /// <summary>The child: <c>smb-memory PORT FILE</c>; prints one line for the parent.</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        var port = int.Parse(args[0], CultureInfo.InvariantCulture);
        await using var client = new SmbClient(SambaServer.Host, port);
        await using var share = await client.ConnectShareAsync(TestFiles.Share, SmbSideBySide.Credential, seal: false, CancellationToken.None).ConfigureAwait(false);
        var tree = await share.GetTreeAsync(CancellationToken.None).ConfigureAwait(false);
        var cold = await CopyAsync(tree, args[1]).ConfigureAwait(false);
        await CopyAsync(tree, args[1]).ConfigureAwait(false);
        var warm = await CopyAsync(tree, args[1]).ConfigureAwait(false);
        using var self = Process.GetCurrentProcess();
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{cold.Bytes} {cold.Chunk} {cold.Allocated} {warm.Allocated} {self.PeakWorkingSet64}"));
        return 0;
    }

    /// <summary>Runs the child against the server on <paramref name="port"/> and reads its report.</summary>
    public static async Task<Report> RunChildAsync(int port, string file)
    {
        using var child = ChildProcess.Start(ChildProcess.Self(Command, port.ToString(CultureInfo.InvariantCulture), file));
        var output = child.StandardOutput.ReadToEndAsync();
        var errors = child.StandardError.ReadToEndAsync();
        await child.WaitForExitAsync().ConfigureAwait(false);
        var fields = (await output.ConfigureAwait(false)).Trim().Split(' ');
        if (child.ExitCode != 0 || fields.Length != 5)
        {
            throw new InvalidOperationException($"The memory probe failed ({child.ExitCode}): {string.Join(' ', fields)}\n{await errors.ConfigureAwait(false)}");
        }
        var values = Array.ConvertAll(fields, f => long.Parse(f, CultureInfo.InvariantCulture));
        return new Report(values[0], (int)values[1], values[2], values[3], values[4]);
    }

    private static async Task<(long Bytes, int Chunk, long Allocated)> CopyAsync(SmbTree tree, string file)
    {
        await using var open = await tree.CreateAsync(file, new SmbCreateOptions { ShareAccess = NtShareAccess.Read }, CancellationToken.None).ConfigureAwait(false);
        var before = GC.GetTotalAllocatedBytes(precise: true);
        var bytes = await open.CopyToAsync(Stream.Null, CancellationToken.None).ConfigureAwait(false);
        return (bytes, open.ReadChunkSize, GC.GetTotalAllocatedBytes(precise: true) - before);
    }

    /// <summary>What the child measured; allocations are per READ that carried data (the few past the end are not counted, which errs high).</summary>
    public readonly record struct Report(long Bytes, int Chunk, long ColdAllocated, long WarmAllocated, long PeakWorkingSet)
    {
        public void Print(long expected)
        {
            if (Bytes != expected)
            {
                throw new InvalidOperationException($"The memory probe copied {Bytes} bytes of {expected}.");
            }
            var reads = (Bytes + Chunk - 1) / Chunk;
            var warmPerRead = (double)WarmAllocated / reads;
            // A buffer per READ would cost a chunk per READ; 1% of one is what the bookkeeping may take.
            var pooled = warmPerRead < Chunk / 100.0;
            var peak = PeakWorkingSet / MiB;
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"memory: {Bytes / MiB:F0} MiB with CopyToAsync, three times, in a fresh process: {reads} READs of {Chunk / 1024} KiB a copy"));
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"  allocated by the first copy (JIT and pool fill included): {ColdAllocated / MiB:F1} MiB, {ColdAllocated / reads / 1024.0:F1} KiB per READ"));
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"  allocated by the third copy: {WarmAllocated / 1024.0:F1} KiB, {warmPerRead:F0} bytes per READ (target: no per-request arrays, < 1% of a chunk)  {(pooled ? "PASS" : "FAIL")}"));
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"  peak working set: {peak:F1} MiB (target < {PeakTargetMiB:F0} MiB)  {(peak < PeakTargetMiB ? "PASS" : "FAIL")}"));
        }
    }
}
