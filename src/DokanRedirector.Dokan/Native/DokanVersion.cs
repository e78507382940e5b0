namespace DokanRedirector.Dokan.Native;

/// <summary>The DOKAN_OPTIONS.Version we ask for.</summary>
internal static class DokanVersion
{
    /// <summary>dokan.h: DOKAN_VERSION is 231 in the header we read; we ask for 2.3.0, which every 2.3.x serves.
    /// dokan2.dll accepts down to DOKAN_MINIMUM_COMPATIBLE_VERSION (200) and refuses older (DOKAN_VERSION_ERROR).</summary>
    public const ushort Requested = 230;
}
