using DokanRedirector.Smb.Tests.Auth;

namespace DokanRedirector.Smb.Tests;

/// <summary>Runs a decoder over seeded random mutations of valid inputs; any exception but SmbProtocolException fails the test.</summary>
internal static class Fuzz
{
    /// <summary>Decodes <paramref name="runs"/> mutations (bit flips, random values, truncation, extension) and counts both outcomes.</summary>
    public static (int Accepted, int Rejected) Run(int seed, int runs, byte[][] seeds, Action<byte[]> decode)
    {
        var random = new Random(seed);
        int accepted = 0, rejected = 0;
        for (var i = 0; i < runs; i++)
        {
            var input = NtlmChallengeMessageTests.Mutate(seeds[i % seeds.Length], random);
            try
            {
                decode(input);
                accepted++;
            }
            catch (SmbProtocolException)
            {
                rejected++;
            }
        }
        return (accepted, rejected);
    }

    /// <summary>Asserts every run ended in a result or a protocol error, and that both happened.</summary>
    public static void AssertBothOutcomes((int Accepted, int Rejected) outcome, int runs)
    {
        Assert.Multiple(() =>
        {
            Assert.That(outcome.Accepted + outcome.Rejected, Is.EqualTo(runs));
            Assert.That(outcome.Accepted, Is.GreaterThan(0), "some mutations still decode");
            Assert.That(outcome.Rejected, Is.GreaterThan(0), "mutations reached the decoder's checks");
        });
    }
}
