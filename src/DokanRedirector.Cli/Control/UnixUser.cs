using System.Runtime.InteropServices;
using System.Runtime.Versioning;

namespace DokanRedirector.Cli.Control;

/// <summary>Who this process runs as. .NET has no managed call for the uid, so libc answers.</summary>
[SupportedOSPlatform("linux")]
internal static partial class UnixUser
{
    public static uint EffectiveUserId => geteuid();

    public static bool IsRoot => EffectiveUserId == 0;

    [LibraryImport("libc", EntryPoint = "geteuid")]
    private static partial uint geteuid();
}
