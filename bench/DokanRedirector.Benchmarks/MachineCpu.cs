using System.Globalization;

namespace DokanRedirector.Benchmarks;

/// <summary>
/// The CPU time every process on the machine has used, from /proc/stat's first line (user, nice, system, irq,
/// softirq, steal; not idle or iowait), in seconds. The difference around a run is what the run cost the whole
/// machine: our service, smbd, the tool and the kernel work each does. When that is more than the run's wall time
/// times the cores, the run waited for CPU, and a faster or busier machine moves the ratios.
/// </summary>
internal static class MachineCpu
{
    // proc(5): /proc/stat counts in USER_HZ, which is 100 on every Linux ABI .NET runs on.
    private const double TicksPerSecond = 100;

    public static double Seconds()
    {
        var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        int[] busy = [1, 2, 3, 6, 7, 8]; // user nice system (idle iowait) irq softirq steal
        return busy.Sum(i => long.Parse(fields[i], CultureInfo.InvariantCulture)) / TicksPerSecond;
    }
}
