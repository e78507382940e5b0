using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace DokanRedirector.Benchmarks;

/// <summary>The BenchmarkDotNet micro-benchmarks of this assembly (<see cref="PrefixTableLookup"/>), with their verdicts.</summary>
internal static class MicroBenchmarks
{
    public static int Run(string[] args)
    {
        // In-process: the generated-project toolchain would inherit this repo's central package management.
        var config = DefaultConfig.Instance
            .AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance).WithWarmupCount(5).WithIterationCount(15))
            .WithOptions(ConfigOptions.DisableOptimizationsValidator);
        var summaries = BenchmarkSwitcher.FromAssembly(typeof(PrefixTableLookup).Assembly).Run(args, config);
        foreach (var summary in summaries)
        {
            PrefixTableLookup.PrintVerdict(summary);
        }
        return 0;
    }
}
