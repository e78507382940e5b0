namespace DokanRedirector.Dokan.Native;

/// <summary>What DokanCreateFileSystem returns (dokan.h: DOKAN_SUCCESS … DOKAN_VERSION_ERROR), with the message a user needs.</summary>
internal static class DokanStatus
{
    public const int Success = 0;

    public static string Describe(int status) => status switch
    {
        -1 => "Dokan failed to mount (DOKAN_ERROR).",
        -2 => "The drive letter is not valid or already in use (DOKAN_DRIVE_LETTER_ERROR).",
        -3 => "The Dokan driver is not installed; install Dokan 2 from https://github.com/dokan-dev/dokany/releases (DOKAN_DRIVER_INSTALL_ERROR).",
        -4 => "The Dokan driver did not start; is the Dokan 2 driver installed and running? (DOKAN_START_ERROR)",
        -5 => "The volume could not be mounted; is the drive letter free? (DOKAN_MOUNT_ERROR)",
        -6 => "The mount point is not valid (DOKAN_MOUNT_POINT_ERROR).",
        -7 => "The installed Dokan is older than 2.0.0; install Dokan 2 (DOKAN_VERSION_ERROR).",
        _ => $"Dokan failed to mount (status {status}).",
    };
}
