using System.Globalization;
using System.Runtime.InteropServices;

namespace DokanRedirector.Benchmarks;

/// <summary>What the side-by-side modes (<c>smb</c>, <c>mount</c>) ask on the command line: <c>[--rounds N] [--quick]</c>.</summary>
internal readonly record struct SideBySideOptions(int Rounds, int Divisor)
{
    /// <summary>Parses the options of <paramref name="mode"/>; prints its usage and returns false when they are wrong.</summary>
    public static bool TryParse(string mode, string[] args, out SideBySideOptions options)
    {
        if (TryParse(args, out options))
        {
            return true;
        }
        Console.Error.WriteLine($"usage: -- {mode} [--rounds N] [--quick]   (--quick: every size divided by 8, for a smoke run)");
        return false;
    }

    private static bool TryParse(string[] args, out SideBySideOptions options)
    {
        options = new SideBySideOptions(5, 1);
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--quick":
                    options = options with { Divisor = 8 };
                    break;
                case "--rounds" when i + 1 < args.Length && int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var rounds) && rounds > 0:
                    options = options with { Rounds = rounds };
                    i++;
                    break;
                default:
                    return false;
            }
        }
        return true;
    }

    /// <summary>
    /// Round 0 warms up (JIT, pools, page cache) and is not counted, then <paramref name="settle"/> (if given) runs;
    /// after that the order of the sides alternates: <paramref name="round"/> gets the row to record into (null for the
    /// warm-up) and whether to run forward.
    /// </summary>
    public async Task RunRoundsAsync(Func<int, bool, Task> round, Func<Task>? settle = null)
    {
        for (var i = 0; i <= Rounds; i++)
        {
            Console.WriteLine(i == 0 ? "warm-up round…" : $"round {i} of {Rounds}…");
            await round(i, i % 2 == 1).ConfigureAwait(false);
            if (i == 0 && settle is not null)
            {
                await settle().ConfigureAwait(false);
            }
        }
    }
}

/// <summary>One contender of a comparison: runs once and adds its seconds to the row, under its column(s).</summary>
internal delegate Task Side(Row row);

/// <summary>The rounds of a side-by-side benchmark, one row per operation.</summary>
internal sealed class Results
{
    public Row Read { get; } = new();

    public Row Write { get; } = new();

    public Row List { get; } = new();

    /// <summary><c>mount</c> only: warm stats, a pause after the first run (the target's row).</summary>
    public Row Stat { get; } = new();

    /// <summary><c>mount</c> only: warm stats, right after the first run (both mounts answer from the kernel).</summary>
    public Row StatInARow { get; } = new();
}

/// <summary>
/// A verdict on one pair of columns: either <c>ours / reference ≤ limit</c> (a time we may lose by at most so much) or,
/// with <see cref="AtLeastFaster"/>, <c>reference / ours ≥ limit</c> (how many times faster ours must be).
/// </summary>
internal readonly record struct Target(string Reference, double Limit, bool AtLeastFaster = false)
{
    public double Ratio(double ours, double reference) => AtLeastFaster ? reference / ours : ours / reference;

    public bool Met(double ratio) => AtLeastFaster ? ratio >= Limit : ratio <= Limit;

    public override string ToString() =>
        (AtLeastFaster ? ">= " : "<= ") + Limit.ToString("0.0#", CultureInfo.InvariantCulture);
}

/// <summary>One operation's times over the rounds (seconds), by column: "ours", "smbclient", "rclone", …</summary>
internal sealed class Row
{
    public const string Ours = "ours";

    private readonly Dictionary<string, List<double>> _columns = [];

    /// <summary>Runs <paramref name="sides"/> in order (or reversed) and records into <paramref name="row"/>;
    /// with no row (a warm-up round) the times are dropped.</summary>
    public static async Task RunAsync(Row? row, bool forward, params Side[] sides)
    {
        row ??= new Row();
        for (var i = 0; i < sides.Length; i++)
        {
            Interruption.ThrowIfRequested();
            await sides[forward ? i : sides.Length - 1 - i](row).ConfigureAwait(false);
        }
    }

    /// <summary>A side that times itself and records under <paramref name="column"/>, and the machine's CPU time
    /// meanwhile under <see cref="CpuOf"/>.</summary>
    public static Side Timed(string column, Func<Task<double>> run) => async row =>
        row.Add(column, await row.MeasuringCpuAsync(column, run).ConfigureAwait(false));

    /// <summary>An smbclient side: its own time under <paramref name="column"/>, its process's wall time under
    /// "<paramref name="column"/> wall", and the machine's CPU time over its process under <see cref="CpuOf"/>.</summary>
    public static Side SmbClient(string column, Func<Task<SmbClientTime>> run) => async row =>
    {
        var time = await row.MeasuringCpuAsync(column, run).ConfigureAwait(false);
        row.Add(column, time.Operation);
        row.Add(column + " wall", time.Wall);
    };

    /// <summary>The column of the machine CPU time (<see cref="MachineCpu"/>) a side used.</summary>
    public static string CpuOf(string column) => column + " cpu";

    /// <summary>"ours 1.21 s, smbclient 0.85 s, …": the median machine CPU time of each of <paramref name="columns"/>
    /// that has one.</summary>
    public string CpuMedians(IEnumerable<string> columns) =>
        string.Join(", ", columns.Where(c => Median(CpuOf(c)) is not null)
            .Select(c => string.Create(CultureInfo.InvariantCulture, $"{c} {Median(CpuOf(c)):F2} s")));

    // Runs a side and records the machine's CPU time meanwhile under CpuOf(column).
    private async Task<T> MeasuringCpuAsync<T>(string column, Func<Task<T>> run)
    {
        var cpu = MachineCpu.Seconds();
        var result = await run().ConfigureAwait(false);
        Add(CpuOf(column), MachineCpu.Seconds() - cpu);
        return result;
    }

    public void Add(string column, double seconds)
    {
        if (!_columns.TryGetValue(column, out var times))
        {
            _columns[column] = times = [];
        }
        times.Add(seconds);
    }

    /// <summary>The median of <paramref name="column"/>, or null if it has no times (a tool not installed).</summary>
    public double? Median(string column) => _columns.TryGetValue(column, out var times) && times.Count > 0 ? Median(times) : null;

    /// <summary>The heading over <see cref="Print"/>'s lines: the label column, the <paramref name="shown"/> columns,
    /// the ratio and the target.</summary>
    public static void PrintHeader(IReadOnlyList<string> shown, string ratio)
    {
        var line = $"{"",-42}";
        foreach (var column in shown)
        {
            line += $" {column,10}";
        }
        Console.WriteLine($"{line} {ratio,10} {"target",8}  verdict");
    }

    /// <summary>
    /// One line: the medians of <paramref name="shown"/> ("n/a" where a column has none), the ratio of the medians
    /// ours against <paramref name="target"/>'s reference, the verdict, the rates (given <paramref name="bytes"/>) and
    /// the spread of the per-round ratios. Not <paramref name="judged"/>: "info" instead of the verdict.
    /// </summary>
    public void Print(string label, IReadOnlyList<string> shown, Target target, long? bytes, bool judged = true)
    {
        var line = $"{label,-42}";
        foreach (var column in shown)
        {
            line += $" {(Median(column) is { } median ? Seconds(median) : "n/a"),10}";
        }
        if (Median(Ours) is not { } ours || Median(target.Reference) is not { } reference)
        {
            Console.WriteLine($"{line} {"n/a",10} {target,8}  n/a ({target.Reference} not measured)");
            return;
        }
        var ratio = target.Ratio(ours, reference);
        var oursTimes = _columns[Ours];
        var referenceTimes = _columns[target.Reference];
        var perRound = new List<double>();
        for (var i = 0; i < oursTimes.Count; i++)
        {
            perRound.Add(target.Ratio(oursTimes[i], referenceTimes[i]));
        }
        var rates = bytes is { } b ? $"  {Rate(b, ours)} vs {Rate(b, reference)} MiB/s;" : " ";
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{line} {ratio,10:F2} {target,8}  {(!judged ? "info" : target.Met(ratio) ? "PASS" : "FAIL")}{rates} per-round ratios {perRound.Min():F2}–{perRound.Max():F2}"));
    }

    /// <summary>The two lines against smbclient: unsigned (what the targets name) and signed (like for like: ours signs
    /// every request); <paramref name="more"/> columns (rclone) are shown on both.</summary>
    public void PrintAgainstSmbClient(string label, string operation, double limit, long? bytes, params string[] more)
    {
        Print($"{label} ({operation})", [Ours, SmbClientSide.Column, .. more], new Target(SmbClientSide.Column, limit), bytes);
        Print($"{label} ({operation}, signed)", [Ours, SmbClientSide.SignedColumn, .. more], new Target(SmbClientSide.SignedColumn, limit), bytes);
    }

    public static string Seconds(double seconds) =>
        seconds < 1 ? string.Create(CultureInfo.InvariantCulture, $"{seconds * 1000:F1} ms") : string.Create(CultureInfo.InvariantCulture, $"{seconds:F3} s");

    private static string Rate(long bytes, double seconds) => (bytes / seconds / (1024 * 1024)).ToString("F0", CultureInfo.InvariantCulture);

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        var middle = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}

/// <summary>What a side-by-side run insists on: a wrong answer stops it rather than be timed.</summary>
internal static class Checks
{
    public static void That(bool condition, string message)
    {
        if (!condition)
        {
            throw new InvalidOperationException(message);
        }
    }
}

/// <summary>
/// Ctrl-C and SIGTERM stop a run between two measurements, so that its finally blocks unmount what it mounted (the
/// runtime's default would end the process at once and leave the mounts behind).
/// </summary>
internal static class Interruption
{
    private static readonly CancellationTokenSource Requested = new();

    public static PosixSignalRegistration[] Register() =>
        [PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop), PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop)];

    public static void ThrowIfRequested() => Requested.Token.ThrowIfCancellationRequested();

    private static void Stop(PosixSignalContext context)
    {
        context.Cancel = true;
        Console.Error.WriteLine("interrupted: stopping after the current measurement…");
        Requested.Cancel();
    }
}
