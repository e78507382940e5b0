using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Reports;
using DokanRedirector.Rdbss.Prefix;
using DokanRedirector.Rdbss.Structures;

namespace DokanRedirector.Benchmarks;

/// <summary>
/// Issue target: a lookup of a 6-component name costs the same (within 20%) with 10, 1,000 or 100,000
/// VNetRoots registered, and under 1 µs. Each view brings its NetRoot and a SrvCall per 100 shares, as
/// a busy redirector would have.
/// </summary>
public class PrefixTableLookup
{
    private PrefixTable _table = null!;
    private string _name = "";
    private string _deviceName = "";

    [Params(10, 1_000, 100_000)]
    public int VNetRoots { get; set; }

    [GlobalSetup]
    public void SetUp()
    {
        _table = new PrefixTable();
        using var scope = _table.EnterExclusive();
        var servers = new Dictionary<int, SrvCall>();
        var serverCount = Math.Max(1, VNetRoots / 100);
        // The looked-up share is share7 at every size, so every size does the same work.
        _name = $@"\srv{7 % serverCount}\share7\dir\sub\deeper\file.txt";
        _deviceName = @"\;X:" + _name;
        for (var i = 0; i < VNetRoots; i++)
        {
            var s = i % serverCount;
            if (!servers.TryGetValue(s, out var srvCall))
            {
                srvCall = servers[s] = new SrvCall($"srv{s}");
                _table.Insert(srvCall);
            }
            var netRoot = new NetRoot(srvCall, $@"\srv{s}\share{i}", $"share{i}");
            _table.Insert(netRoot);
            _table.Insert(new VNetRoot(netRoot, $@"\;{(i == 7 ? "X:" : "")}\srv{s}\share{i}", null, "", null));
        }
    }

    [GlobalCleanup]
    public void CleanUp() => _table.Dispose();

    /// <summary>A UNC name: the longest match is the NetRoot of share7.</summary>
    [Benchmark(Baseline = true)]
    public NetNode? UncName()
    {
        using var scope = _table.EnterShared();
        return _table.Lookup(_name).Node;
    }

    /// <summary>A device-relative name: longest match is X:'s own view.</summary>
    [Benchmark]
    public NetNode? DeviceRelativeName()
    {
        using var scope = _table.EnterShared();
        return _table.Lookup(_deviceName).Node;
    }

    /// <summary>Prints the median per size, the spread across sizes and whether the targets are met.</summary>
    public static void PrintVerdict(Summary summary)
    {
        foreach (var method in summary.BenchmarksCases.Select(b => b.Descriptor.WorkloadMethod.Name).Distinct())
        {
            var medians = summary.Reports
                .Where(r => r.BenchmarkCase.Descriptor.WorkloadMethod.Name == method && r.ResultStatistics is not null)
                .Select(r => (Size: r.BenchmarkCase.Parameters["VNetRoots"], Ns: r.ResultStatistics!.Median))
                .ToList();
            if (medians.Count == 0)
            {
                continue;
            }
            var spread = medians.Max(m => m.Ns) / medians.Min(m => m.Ns);
            var fast = medians.All(m => m.Ns < 1000);
            Console.WriteLine($"{method}: " + string.Join(", ", medians.Select(m => $"{m.Size} views {m.Ns:F0} ns")) +
                $"; max/min {spread:F2} (target <= 1.20: {(spread <= 1.2 ? "met" : "MISSED")}), " +
                $"under 1 us: {(fast ? "met" : "MISSED")}");
        }
    }
}
