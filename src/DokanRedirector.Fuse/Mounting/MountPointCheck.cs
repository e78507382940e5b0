using DokanRedirector.Fuse.Native;

namespace DokanRedirector.Fuse.Mounting;

/// <summary>
/// What must hold before fuse_session_mount, each failure with a message that says what to do: libfuse
/// itself would only print to stderr, and it mounts over a non-empty directory without a word.
/// </summary>
internal static class MountPointCheck
{
    private const string FuseDevice = "/dev/fuse";
    private const string Install = "Install FUSE: apt-get install fuse3 libfuse3-3";

    /// <summary>The canonical mount point, or a <see cref="FuseMountException"/>.</summary>
    public static string Validate(string mountPoint)
    {
        if (!OperatingSystem.IsLinux())
        {
            throw new FuseMountException("FUSE mounts need Linux.");
        }
        if (!System.Runtime.InteropServices.NativeLibrary.TryLoad(LibFuse.Library, out var library))
        {
            throw new FuseMountException($"{LibFuse.Library} could not be loaded. {Install}");
        }
        System.Runtime.InteropServices.NativeLibrary.Free(library);
        if (!File.Exists(FuseDevice))
        {
            throw new FuseMountException($"{FuseDevice} is missing (is the fuse kernel module loaded? modprobe fuse). {Install}");
        }
        var full = Path.GetFullPath(mountPoint);
        if (File.Exists(full))
        {
            throw new FuseMountException($"Mount point {full} is not a directory.");
        }
        if (!Directory.Exists(full))
        {
            throw new FuseMountException($"Mount point {full} does not exist; create it first (mkdir -p {full}).");
        }
        // The kernel mounts on the link's target, and mountinfo lists it under that name.
        full = Directory.ResolveLinkTarget(full, returnFinalTarget: true)?.FullName ?? full;
        if (MountTable.Find(full) is { } existing)
        {
            throw new FuseMountException($"Mount point {full} is busy: {existing.FileSystemType} is already mounted there. Unmount it first.");
        }
        if (Directory.EnumerateFileSystemEntries(full).Any())
        {
            throw new FuseMountException($"Mount point {full} is not empty; mounting would hide its contents. Use an empty directory.");
        }
        if (!KernelMount.IsRoot && Libc.Access(full, Libc.WriteOk) != 0)
        {
            throw new FuseMountException($"No permission to mount on {full}: it must be writable by the mounting user.");
        }
        return full;
    }
}
