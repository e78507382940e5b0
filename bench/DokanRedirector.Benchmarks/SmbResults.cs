using System.Globalization;

namespace DokanRedirector.Benchmarks;

/// <summary>The rounds of the side-by-side benchmark, one row per operation.</summary>
internal sealed class Results
{
    public Row Read { get; } = new();

    public Row Write { get; } = new();

    public Row List { get; } = new();
}

/// <summary>One operation's times over the rounds (seconds): ours, smbclient unsigned and signed.</summary>
internal sealed class Row
{
    private readonly List<double> _ours = [];
    private readonly List<double> _unsigned = [];
    private readonly List<double> _signed = [];
    private readonly List<double> _unsignedWall = [];

    /// <summary>The median wall time of unsigned smbclient, process start, connect and logon included.</summary>
    public double UnsignedWall => Median(_unsignedWall);

    public void Add(double ours, SmbClientTime unsigned, SmbClientTime signed)
    {
        _ours.Add(ours);
        _unsigned.Add(unsigned.Operation);
        _signed.Add(signed.Operation);
        _unsignedWall.Add(unsigned.Wall);
    }

    /// <summary>Prints the unsigned line (the issue's target) and the signed, like-for-like one.</summary>
    public void Print(string label, string signedLabel, double target, long? bytes)
    {
        Line(label, _unsigned, target, bytes);
        Line(signedLabel, _signed, target, bytes);
    }

    private void Line(string label, List<double> theirs, double target, long? bytes)
    {
        var ours = Median(_ours);
        var ratio = ours / Median(theirs);
        var perRound = new List<double>();
        for (var i = 0; i < _ours.Count; i++)
        {
            perRound.Add(_ours[i] / theirs[i]);
        }
        var verdict = ratio <= target ? "PASS" : "FAIL";
        var rates = bytes is { } b ? $"  {Rate(b, ours)} vs {Rate(b, Median(theirs))} MiB/s;" : " ";
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{label,-34} {Seconds(ours),10} {Seconds(Median(theirs)),10} {ratio,10:F2} {"<= " + target.ToString("F1", CultureInfo.InvariantCulture),8}  {verdict}" +
            $"{rates} per-round ratios {perRound.Min():F2}–{perRound.Max():F2}"));
    }

    private static string Seconds(double seconds) =>
        seconds < 1 ? string.Create(CultureInfo.InvariantCulture, $"{seconds * 1000:F1} ms") : string.Create(CultureInfo.InvariantCulture, $"{seconds:F3} s");

    private static string Rate(long bytes, double seconds) => (bytes / seconds / (1024 * 1024)).ToString("F0", CultureInfo.InvariantCulture);

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        var middle = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
