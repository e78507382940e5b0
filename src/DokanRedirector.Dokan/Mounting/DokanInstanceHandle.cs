using System.Runtime.InteropServices;
using System.Runtime.Versioning;
using DokanRedirector.Dokan.Native;

namespace DokanRedirector.Dokan.Mounting;

/// <summary>A DOKAN_HANDLE. Releasing it is DokanCloseHandle, which unmounts a volume still mounted and waits
/// for dokan2.dll's dispatch threads, so no callback runs after it.</summary>
[SupportedOSPlatform("windows")]
internal sealed class DokanInstanceHandle : SafeHandle
{
    public DokanInstanceHandle(nint instance)
        : base(0, ownsHandle: true) => SetHandle(instance);

    public override bool IsInvalid => handle == 0;

    protected override bool ReleaseHandle()
    {
        DokanNative.DokanCloseHandle(handle);
        return true;
    }
}
