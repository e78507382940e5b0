namespace DokanRedirector.Cli.Tests.Support;

/// <summary>A fresh directory under /tmp, removed on dispose. Short paths: a Unix socket path is limited to 108 bytes.</summary>
internal sealed class TempDirectory : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("drcli-").FullName;

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public string Subdirectory(string name) => Directory.CreateDirectory(File(name)).FullName;

    /// <summary>
    /// Never recursive through a mount a failed test left behind: that would delete the share's files on the
    /// server. Such a directory is left in place, and said so.
    /// </summary>
    public void Dispose()
    {
        var below = Path + "/";
        var mounted = System.IO.File.ReadLines("/proc/self/mounts")
            .Select(line => line.Split(' ')[1])
            .Where(mountPoint => mountPoint.StartsWith(below, StringComparison.Ordinal))
            .ToList();
        if (mounted.Count > 0)
        {
            TestContext.Out.WriteLine($"Left {Path} behind: still mounted at {string.Join(", ", mounted)}");
            return;
        }
        Directory.Delete(Path, recursive: true);
    }
}
