using System.Runtime.InteropServices;
using DokanRedirector.Dokan.Native;

namespace DokanRedirector.Dokan.Mounting;

/// <summary>
/// A DOKAN_OPTIONS and its two strings in native memory, at one address for the whole mount: dokan2.dll keeps
/// the pointer (every DOKAN_FILE_INFO.DokanOptions points here), so it is freed only after the volume ended.
/// </summary>
internal sealed unsafe class NativeOptions : IDisposable
{
    private NativeOptions(DokanOptions* options, nint mountPoint, nint uncName)
    {
        Options = options;
        _mountPoint = mountPoint;
        _uncName = uncName;
    }

    private readonly nint _mountPoint;
    private readonly nint _uncName;

    public DokanOptions* Options { get; private set; }

    public static NativeOptions Create(DokanMountSettings settings, ulong globalContext)
    {
        var options = (DokanOptions*)NativeMemory.AllocZeroed((nuint)sizeof(DokanOptions));
        var mountPoint = Marshal.StringToHGlobalUni(settings.MountPoint);
        var uncName = Marshal.StringToHGlobalUni(settings.UncName);
        options->Version = DokanVersion.Requested;
        options->Options = (uint)settings.Flags;
        options->GlobalContext = globalContext;
        options->MountPoint = (char*)mountPoint;
        options->UncName = (char*)uncName;
        options->Timeout = settings.TimeoutMilliseconds;
        // SingleThread 0 (dokan.h: a single thread "can easily create a bottleneck"); allocation unit, sector
        // size and volume security descriptor 0: dokan2.dll's defaults.
        return new NativeOptions(options, mountPoint, uncName);
    }

    public void Dispose()
    {
        if (Options is null)
        {
            return;
        }
        NativeMemory.Free(Options);
        Marshal.FreeHGlobal(_mountPoint);
        Marshal.FreeHGlobal(_uncName);
        Options = null;
    }
}
