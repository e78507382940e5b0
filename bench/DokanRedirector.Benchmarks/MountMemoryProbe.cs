using System.Globalization;
using Microsoft.Win32.SafeHandles;

namespace DokanRedirector.Benchmarks;

/// <summary>
/// The memory part of <c>-- mount</c>: a child process (<see cref="OurMountProcess"/>) hosts the Redirector and a FUSE
/// mount of the share and nothing else; a third process (<c>mount-hold</c>, started under <c>ulimit -n 20000</c>)
/// opens many files through that mount and holds them. The parent reads the host's VmRSS and VmHWM from /proc/PID/status, once
/// mounted and once the files are held: what an open file costs our stack (inode, SrvOpen, Fobx, SMB open).
/// </summary>
internal static class MountMemoryProbe
{
    public const string HoldCommand = "mount-hold";

    private const double TargetMiB = 150;

    /// <summary>The holder: <c>mount-hold DIRECTORY COUNT</c>; opens the first COUNT entries, prints COUNT, closes them
    /// when its input closes.</summary>
    public static async Task<int> HoldAsync(string[] args)
    {
        var count = int.Parse(args[1], CultureInfo.InvariantCulture);
        var handles = new List<SafeFileHandle>(count);
        try
        {
            for (var i = 0; i < count; i++)
            {
                handles.Add(File.OpenHandle(Path.Combine(args[0], TestFiles.EntryName(i))));
            }
            Console.WriteLine(handles.Count);
            await Console.In.ReadToEndAsync().ConfigureAwait(false);
        }
        finally
        {
            foreach (var handle in handles)
            {
                handle.Dispose();
            }
        }
        return 0;
    }

    /// <summary>Runs the host against the server on <paramref name="port"/> and a holder of <paramref name="count"/>
    /// entries of the share's <paramref name="directory"/>; always ends both.</summary>
    public static async Task<Report> RunAsync(int port, string directory, int count)
    {
        await using var host = await OurMountProcess.StartAsync(port).ConfigureAwait(false);
        var mounted = Memory.Of(host.ProcessId);
        using var holder = ChildProcess.Start(
            ["/bin/sh", "-c", "ulimit -n 20000 && exec \"$@\"", "sh", .. ChildProcess.Self(HoldCommand, Path.Combine(host.Directory, directory), count.ToString(CultureInfo.InvariantCulture))],
            input: true);
        var holderErrors = holder.StandardError.ReadToEndAsync();
        try
        {
            var held = await holder.StandardOutput.ReadLineAsync().ConfigureAwait(false);
            if (held != count.ToString(CultureInfo.InvariantCulture))
            {
                holder.StandardInput.Close(); // or its errors never end
                throw new InvalidOperationException($"The holder did not open {count} files ({held}): {await holderErrors.ConfigureAwait(false)}");
            }
            return new Report(count, mounted, Memory.Of(host.ProcessId));
        }
        finally
        {
            holder.StandardInput.Close();
            await holder.WaitForExitAsync().ConfigureAwait(false);
        }
    }

    /// <summary>VmRSS and VmHWM of a process, in MiB (proc(5): kB).</summary>
    public readonly record struct Memory(double Rss, double Peak)
    {
        public static Memory Of(int pid)
        {
            double rss = 0, peak = 0;
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                {
                    rss = Kilobytes(line) / 1024;
                }
                else if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                {
                    peak = Kilobytes(line) / 1024;
                }
            }
            return new Memory(rss, peak);
        }

        private static double Kilobytes(string line) =>
            double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
    }

    public readonly record struct Report(int Files, Memory Mounted, Memory Holding)
    {
        public void Print()
        {
            Console.WriteLine(FormattableString.Invariant(
                $"memory: the mount's host process (Redirector + FUSE mount only), mounted: VmRSS {Mounted.Rss:F1} MiB; with {Files:N0} files held open through the mount by another process:"));
            Console.WriteLine(FormattableString.Invariant(
                $"  VmRSS {Holding.Rss:F1} MiB, VmHWM {Holding.Peak:F1} MiB, {(Holding.Rss - Mounted.Rss) * 1024 / Files:F1} KiB per open file (target RSS < {TargetMiB:F0} MiB)  {(Holding.Rss < TargetMiB ? "PASS" : "FAIL")}"));
        }
    }
}
