using System.Runtime.Versioning;
using DokanRedirector.Dokan.Native;

namespace DokanRedirector.Dokan.FileSystem;

/// <summary><see cref="IRequestTimeout"/> through DokanResetTimeout: every third of the mount's timeout, another full one.</summary>
[SupportedOSPlatform("windows")]
internal sealed unsafe class DokanRequestTimeout(TimeSpan mountTimeout) : IRequestTimeout
{
    public TimeSpan Interval { get; } = mountTimeout / 3;

    public void Extend(ref DokanFileInfo info)
    {
        // The DOKAN_FILE_INFO lives in dokan2.dll's memory for the whole call: fixed pins nothing that moves.
        fixed (DokanFileInfo* pointer = &info)
        {
            DokanNative.DokanResetTimeout((uint)mountTimeout.TotalMilliseconds, pointer);
        }
    }
}
