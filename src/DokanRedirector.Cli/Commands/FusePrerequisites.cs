using System.Runtime.InteropServices;

namespace DokanRedirector.Cli.Commands;

/// <summary>What a FUSE mount needs from the machine, and what to do when it is missing.</summary>
internal static class FusePrerequisites
{
    /// <summary>Null when FUSE can work; otherwise what to install or enable.</summary>
    public static string? Problem() => Problem(File.Exists, static name => NativeLibrary.TryLoad(name, out _), OnPath);

    public static string? Problem(Func<string, bool> fileExists, Func<string, bool> canLoad, Func<string, bool> onPath)
    {
        if (!canLoad("libfuse3.so.3") || !onPath("fusermount3"))
        {
            return "FUSE 3 is not installed. Run: sudo apt-get install fuse3 libfuse3-3 (or installer/linux/install.sh).";
        }
        if (!fileExists("/dev/fuse"))
        {
            return "/dev/fuse is missing. Load the module (sudo modprobe fuse); in a container, start it with --device /dev/fuse.";
        }
        return null;
    }

    private static bool OnPath(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
        .Any(dir => dir.Length > 0 && File.Exists(Path.Combine(dir, tool)));
}
