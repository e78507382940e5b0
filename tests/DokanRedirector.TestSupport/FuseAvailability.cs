namespace DokanRedirector.TestSupport;

/// <summary>
/// Real mounts need /dev/fuse and fusermount3. Without them a mount test fails and says what to install,
/// unless <see cref="SkipVariable"/>=1 opts out explicitly.
/// </summary>
public static class FuseAvailability
{
    public const string SkipVariable = "DOKANREDIRECTOR_SKIP_FUSE";

    public static void Require()
    {
        var missing = new List<string>();
        if (!File.Exists("/dev/fuse"))
        {
            missing.Add("/dev/fuse (modprobe fuse)");
        }
        if (!File.Exists("/usr/bin/fusermount3") && !File.Exists("/bin/fusermount3"))
        {
            missing.Add("fusermount3");
        }
        if (missing.Count == 0)
        {
            return;
        }
        var message = $"FUSE is not available: missing {string.Join(", ", missing)}. Install it: apt-get install fuse3 libfuse3-3.";
        if (Environment.GetEnvironmentVariable(SkipVariable) == "1")
        {
            Assert.Ignore($"{message} Skipped because {SkipVariable}=1.");
        }
        Assert.Fail($"{message} Or set {SkipVariable}=1 to skip the FUSE mount tests.");
    }
}
