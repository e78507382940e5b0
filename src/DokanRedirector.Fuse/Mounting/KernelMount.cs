using System.Diagnostics;
using System.Runtime.InteropServices;
using DokanRedirector.Fuse.Native;

namespace DokanRedirector.Fuse.Mounting;

/// <summary>Unmounting and aborting a FUSE mount from outside its session.</summary>
internal static class KernelMount
{
    private const string ConnectionsDirectory = "/sys/fs/fuse/connections";
    private const int EBUSY = Errno.EBUSY;

    public static bool IsRoot => Libc.GetEffectiveUserId() == 0;

    /// <summary>
    /// umount2(2) as root, `fusermount3 -u [-z]` otherwise. Lazy detaches the mount at once and lets the
    /// kernel finish when the last user lets go. Returns 0 or an errno (EBUSY: in use; EINVAL: not mounted).
    /// </summary>
    public static int Unmount(string mountPoint, bool lazy)
    {
        if (IsRoot)
        {
            return Libc.Umount2(mountPoint, lazy ? Libc.MntDetach : 0) == 0 ? 0 : Marshal.GetLastPInvokeError();
        }
        using var fusermount = Process.Start(new ProcessStartInfo("fusermount3")
        {
            ArgumentList = { lazy ? "-uz" : "-u", "--", mountPoint },
            RedirectStandardError = true,
            UseShellExecute = false,
        })!;
        var error = fusermount.StandardError.ReadToEnd();
        fusermount.WaitForExit();
        return fusermount.ExitCode == 0 ? 0
            : error.Contains("busy", StringComparison.OrdinalIgnoreCase) ? EBUSY
            : Errno.EINVAL;
    }

    /// <summary>
    /// Sets the mount's readahead (its bdi's read_ahead_kb; 128 KiB unless raised). With 1 MiB FUSE reads
    /// the kernel then keeps several in flight, which a sequential read needs to match smbclient. Only root
    /// may; false otherwise.
    /// </summary>
    public static bool TrySetReadAhead(MountEntry mount, int kilobytes)
    {
        try
        {
            File.WriteAllText($"/sys/class/bdi/{mount.Major}:{mount.Minor}/read_ahead_kb",
                kilobytes.ToString(System.Globalization.CultureInfo.InvariantCulture));
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>
    /// Aborts FUSE connection <paramref name="connectionId"/> (the mount's device minor): every pending and
    /// later request on it fails with ENOTCONN at once, and the session's loop sees ENODEV and ends. This is
    /// what makes a process stuck on the mount let go (Documentation/filesystems/fuse.rst, "Aborting a
    /// filesystem connection"). fusectl is mounted first if nothing did.
    /// </summary>
    public static void Abort(int connectionId)
    {
        var directory = Path.Combine(ConnectionsDirectory, connectionId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (!Directory.Exists(directory) && IsRoot && MountTable.Find(ConnectionsDirectory) is null
            && Libc.Mount("fusectl", ConnectionsDirectory, "fusectl", 0, 0) != 0)
        {
            throw new IOException($"Could not mount fusectl at {ConnectionsDirectory}: errno {Marshal.GetLastPInvokeError()}");
        }
        File.WriteAllText(Path.Combine(directory, "abort"), "1");
    }
}
