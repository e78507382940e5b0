using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace DokanRedirector.Dokan.Native;

/// <summary>DOKAN_MOUNT_POINT_INFO (public.h): one entry of DokanGetMountPointList.</summary>
[StructLayout(LayoutKind.Sequential, CharSet = CharSet.Unicode)]
internal struct DokanMountPointInfo
{
    public uint Type;
    /// <summary>WCHAR MountPoint[MAX_PATH].</summary>
    public MountPointBuffer MountPoint;
    /// <summary>WCHAR UNCName[64].</summary>
    public NameBuffer UncName;
    /// <summary>WCHAR DeviceName[64].</summary>
    public NameBuffer DeviceName;
    public uint SessionId;
    public uint MountOptions;

    [InlineArray(Win32FindData.MaxPath)]
    public struct MountPointBuffer
    {
        private char _first;
    }

    [InlineArray(64)]
    public struct NameBuffer
    {
        private char _first;
    }
}
