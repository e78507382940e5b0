using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Versioning;

namespace DokanRedirector.Dokan.Native;

/// <summary>The dokan2.dll exports we use (dokan.h, all DOKANAPI = __stdcall).</summary>
[SupportedOSPlatform("windows")]
internal static unsafe partial class DokanNative
{
    private const string Library = "dokan2.dll";

    /// <summary>winbase.h: INFINITE.</summary>
    public const uint Infinite = 0xFFFFFFFF;

    /// <summary>winbase.h: WAIT_OBJECT_0.</summary>
    public const uint WaitObject0 = 0;

    [LibraryImport(Library)]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvStdcall)])]
    public static partial void DokanInit();

    [LibraryImport(Library)]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvStdcall)])]
    public static partial void DokanShutdown();

    /// <summary>Mounts and returns at once; <paramref name="instance"/> is the DOKAN_HANDLE.</summary>
    [LibraryImport(Library)]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvStdcall)])]
    public static partial int DokanCreateFileSystem(DokanOptions* options, DokanOperations* operations, out nint instance);

    [LibraryImport(Library)]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvStdcall)])]
    public static partial uint DokanWaitForFileSystemClosed(nint instance, uint milliseconds);

    /// <summary>Unmounts if still mounted, waits for the dispatch threads and frees the instance.</summary>
    [LibraryImport(Library)]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvStdcall)])]
    public static partial void DokanCloseHandle(nint instance);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf16)]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvStdcall)])]
    [return: MarshalAs(UnmanagedType.Bool)]
    public static partial bool DokanRemoveMountPoint(string mountPoint);

    /// <summary>Extends the current request's timeout to <paramref name="timeout"/> ms from now.</summary>
    [LibraryImport(Library)]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvStdcall)])]
    [return: MarshalAs(UnmanagedType.Bool)]
    public static partial bool DokanResetTimeout(uint timeout, DokanFileInfo* fileInfo);

    [LibraryImport(Library)]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvStdcall)])]
    public static partial int DokanNtStatusFromWin32(uint error);

    [LibraryImport(Library)]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvStdcall)])]
    public static partial void DokanMapKernelToUserCreateFileFlags(uint desiredAccess, uint fileAttributes, uint createOptions,
        uint createDisposition, uint* outDesiredAccess, uint* outFileAttributesAndFlags, uint* outCreationDisposition);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf16)]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvStdcall)])]
    [return: MarshalAs(UnmanagedType.Bool)]
    public static partial bool DokanNotifyCreate(nint instance, string filePath, [MarshalAs(UnmanagedType.Bool)] bool isDirectory);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf16)]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvStdcall)])]
    [return: MarshalAs(UnmanagedType.Bool)]
    public static partial bool DokanNotifyDelete(nint instance, string filePath, [MarshalAs(UnmanagedType.Bool)] bool isDirectory);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf16)]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvStdcall)])]
    [return: MarshalAs(UnmanagedType.Bool)]
    public static partial bool DokanNotifyUpdate(nint instance, string filePath);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf16)]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvStdcall)])]
    [return: MarshalAs(UnmanagedType.Bool)]
    public static partial bool DokanNotifyXAttrUpdate(nint instance, string filePath);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf16)]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvStdcall)])]
    [return: MarshalAs(UnmanagedType.Bool)]
    public static partial bool DokanNotifyRename(nint instance, string oldPath, string newPath,
        [MarshalAs(UnmanagedType.Bool)] bool isDirectory, [MarshalAs(UnmanagedType.Bool)] bool isInSameDirectory);

    /// <summary>An array of <paramref name="count"/> entries, freed by <see cref="DokanReleaseMountPointList"/>.</summary>
    [LibraryImport(Library)]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvStdcall)])]
    public static partial DokanMountPointInfo* DokanGetMountPointList([MarshalAs(UnmanagedType.Bool)] bool uncOnly, out uint count);

    [LibraryImport(Library)]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvStdcall)])]
    public static partial void DokanReleaseMountPointList(DokanMountPointInfo* list);
}
