using DokanRedirector.Dokan.Native;
using DokanRedirector.Rdbss.Naming;

namespace DokanRedirector.Dokan.Mounting;

/// <summary>What DOKAN_OPTIONS says for a mapped drive, worked out without dokan2.dll.</summary>
internal sealed record DokanMountSettings(string MountPoint, string UncName, DokanOptionFlags Flags, uint TimeoutMilliseconds)
{
    /// <summary>
    /// Network-drive mode, as Windows' own redirector shows a mapped drive: DOKAN_OPTION_NETWORK with UNCName
    /// <c>\server\share</c> (one leading backslash; dokan.h, DOKAN_OPTIONS.UNCName), in the user's session only
    /// (CURRENT_SESSION), and unmountable from Explorer (ENABLE_UNMOUNT_NETWORK_DRIVE) so its Disconnect reaches
    /// our disconnect logic. FILELOCK_USER_MODE sends byte-range locks to us, hence to the server, where other
    /// clients see them.
    /// </summary>
    public static DokanMountSettings For(string localName, UncName remoteName, DokanMountOptions options)
    {
        var flags = DokanOptionFlags.Network | DokanOptionFlags.CurrentSession | DokanOptionFlags.EnableUnmountNetworkDrive
            | DokanOptionFlags.FileLockUserMode;
        if (options.ReadOnly)
        {
            flags |= DokanOptionFlags.WriteProtect;
        }
        return new DokanMountSettings(DriveRoot(localName), remoteName.ToString()[1..], flags,
            (uint)options.Timeout.TotalMilliseconds);
    }

    /// <summary>"Z:" and "Z" become "Z:\", the form dokan.h's examples use; a folder path stays as it is.</summary>
    public static string DriveRoot(string localName)
    {
        var name = localName.TrimEnd('\\');
        return name.Length switch
        {
            1 when char.IsAsciiLetter(name[0]) => name + @":\",
            2 when char.IsAsciiLetter(name[0]) && name[1] == ':' => name + @"\",
            _ => localName,
        };
    }
}
