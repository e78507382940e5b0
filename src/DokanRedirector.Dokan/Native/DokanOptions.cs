using System.Runtime.InteropServices;

namespace DokanRedirector.Dokan.Native;

/// <summary>DOKAN_OPTIONS (dokan.h). Lives in native memory, at one address, for the whole mount.</summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct DokanOptions
{
    /// <summary>public.h: VOLUME_SECURITY_DESCRIPTOR_MAX_SIZE (1024 * 16).</summary>
    public const int VolumeSecurityDescriptorMaxSize = 16 * 1024;

    /// <summary>USHORT Version: "230" is 2.3.0.</summary>
    public ushort Version;
    /// <summary>BOOLEAN SingleThread.</summary>
    public byte SingleThread;
    /// <summary>ULONG Options: <see cref="DokanOptionFlags"/>.</summary>
    public uint Options;
    /// <summary>ULONG64 GlobalContext: ours to use; the id of the mount's file system in <c>DokanInstances</c>.</summary>
    public ulong GlobalContext;
    /// <summary>LPCWSTR MountPoint.</summary>
    public char* MountPoint;
    /// <summary>LPCWSTR UNCName.</summary>
    public char* UncName;
    /// <summary>ULONG Timeout, in milliseconds.</summary>
    public uint Timeout;
    public uint AllocationUnitSize;
    public uint SectorSize;
    public uint VolumeSecurityDescriptorLength;
    /// <summary>CHAR VolumeSecurityDescriptor[VOLUME_SECURITY_DESCRIPTOR_MAX_SIZE].</summary>
    public fixed byte VolumeSecurityDescriptor[VolumeSecurityDescriptorMaxSize];
}
