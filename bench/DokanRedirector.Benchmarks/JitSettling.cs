namespace DokanRedirector.Benchmarks;

/// <summary>
/// Brings our mount's host to the steady state of a service that has run a while: cat and dd through the mount, in
/// pairs, until a pair makes its JIT compile nothing (at most <see cref="MaxPairs"/>). A freshly started host is still
/// in tiered compilation for its first cats: a method called once per open reaches tier 1 only after 30 calls (the
/// runtime's call-counting threshold), and while such rejits ran, a 512 MiB cat cost our process up to twice its
/// CPU. smbclient, compiled ahead of time, has no such phase.
/// </summary>
internal static class JitSettling
{
    private const int MaxPairs = 40;

    public static async Task<Report> RunAsync(OurMountProcess host, MountedShare mount, long writeSize)
    {
        var first = await host.CompiledMethodsAsync().ConfigureAwait(false);
        var last = first;
        for (var pair = 1; pair <= MaxPairs; pair++)
        {
            await mount.CatAsync().ConfigureAwait(false);
            await mount.DdAsync(writeSize).ConfigureAwait(false);
            var now = await host.CompiledMethodsAsync().ConfigureAwait(false);
            if (now == last)
            {
                return new Report(pair, now - first, Settled: true);
            }
            last = now;
        }
        return new Report(MaxPairs, last - first, Settled: false);
    }

    public readonly record struct Report(int Pairs, long Compiled, bool Settled)
    {
        public override string ToString() => Settled
            ? $"{Pairs} cat+dd pairs after the warm-up round, until a pair compiled nothing ({Compiled:N0} methods compiled meanwhile)"
            : $"still compiling after {Pairs} cat+dd pairs ({Compiled:N0} methods compiled meanwhile)";
    }
}
