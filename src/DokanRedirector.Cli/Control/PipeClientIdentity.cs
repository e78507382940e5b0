using System.Runtime.InteropServices;
using System.Runtime.Versioning;
using System.Security.Principal;
using Microsoft.Win32.SafeHandles;

namespace DokanRedirector.Cli.Control;

/// <summary>
/// Who is at the client end of a pipe: the process id the pipe reports, and the user SID of that process's token.
/// Asked at connect time, before the client has written anything (impersonation would need a write first).
/// </summary>
[SupportedOSPlatform("windows")]
internal static partial class PipeClientIdentity
{
    private const uint ProcessQueryLimitedInformation = 0x1000;
    private const uint TokenQuery = 0x0008;

    /// <summary>The client's process id, and its user; null when the token cannot be read (then it is not trusted).</summary>
    public static (int ProcessId, SecurityIdentifier? User) Of(System.IO.Pipes.NamedPipeServerStream pipe)
    {
        if (!GetNamedPipeClientProcessId(pipe.SafePipeHandle, out var processId))
        {
            return (0, null);
        }
        using var process = OpenProcess(ProcessQueryLimitedInformation, inheritHandle: false, processId);
        if (process.IsInvalid || !OpenProcessToken(process, TokenQuery, out var token))
        {
            return ((int)processId, null);
        }
        using (token)
        {
            using var identity = new WindowsIdentity(token.DangerousGetHandle());
            return ((int)processId, identity.User);
        }
    }

    [LibraryImport("kernel32.dll", SetLastError = true)]
    [return: MarshalAs(UnmanagedType.Bool)]
    private static partial bool GetNamedPipeClientProcessId(SafePipeHandle pipe, out uint processId);

    [LibraryImport("kernel32.dll", SetLastError = true)]
    private static partial SafeProcessHandle OpenProcess(uint access, [MarshalAs(UnmanagedType.Bool)] bool inheritHandle, uint processId);

    [LibraryImport("advapi32.dll", SetLastError = true)]
    [return: MarshalAs(UnmanagedType.Bool)]
    private static partial bool OpenProcessToken(SafeProcessHandle process, uint access, out SafeAccessTokenHandle token);
}
