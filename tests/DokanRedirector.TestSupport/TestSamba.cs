using DokanRedirector.LocalSamba;

namespace DokanRedirector.TestSupport;

/// <summary>
/// Starts a <see cref="SambaServer"/> for a test. Missing Samba fails the test with what to install, unless
/// <see cref="SkipVariable"/>=1 opts out explicitly.
/// </summary>
public static class TestSamba
{
    public const string SkipVariable = "DOKANREDIRECTOR_SKIP_SAMBA";

    public static async Task<SambaServer> StartAsync(SambaServerOptions? options = null)
    {
        try
        {
            return await SambaServer.StartAsync(options);
        }
        catch (SambaNotInstalledException e)
        {
            if (Environment.GetEnvironmentVariable(SkipVariable) == "1")
            {
                Assert.Ignore($"{e.Message} Skipped because {SkipVariable}=1.");
            }
            Assert.Fail($"{e.Message} Or set {SkipVariable}=1 to skip the Samba tests.");
            throw;
        }
    }
}
