namespace DokanRedirector.EndToEnd.Tests;

/// <summary>A temp directory for one fixture: the control socket, mount points, source trees.</summary>
internal sealed class Scratch : IDisposable
{
    private int _made;

    public string Root { get; } = Directory.CreateTempSubdirectory("dokanredirector-e2e-").FullName;

    public string SocketPath => Path.Combine(Root, "control.sock");

    /// <summary>A new, empty directory to mount on.</summary>
    public string NewDirectory(string name = "mnt") =>
        Directory.CreateDirectory(Path.Combine(Root, $"{name}{Interlocked.Increment(ref _made)}")).FullName;

    /// <summary>Not recursive into mounts: by the time it runs every mount is gone, and a leftover one must not be emptied.</summary>
    public void Dispose()
    {
        var leftOver = false;
        foreach (var directory in Directory.EnumerateDirectories(Root))
        {
            if (IsMountPoint(directory))
            {
                leftOver = true;
                continue;
            }
            Directory.Delete(directory, recursive: true);
        }
        foreach (var file in Directory.EnumerateFiles(Root))
        {
            File.Delete(file);
        }
        if (!leftOver)
        {
            Directory.Delete(Root);
        }
    }

    public static bool IsMountPoint(string path) =>
        File.ReadLines("/proc/self/mountinfo").Any(line => line.Split(' ')[4] == path);
}
