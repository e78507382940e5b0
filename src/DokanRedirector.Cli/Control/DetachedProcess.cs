using System.ComponentModel;
using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Runtime.Versioning;

namespace DokanRedirector.Cli.Control;

/// <summary>
/// Starts a process with CreateProcessW directly, because .NET 10's Process.Start always lets the child inherit the
/// caller's inheritable handles (bInheritHandles is TRUE): a service holding the write end of a pipe the CLI's
/// output went to would keep whoever reads it (PowerShell's <c>$x = dokanredirector use …</c>) waiting forever.
/// CREATE_NO_WINDOW gives it a hidden console of its own, so closing this one or Ctrl+C here does not reach it.
/// </summary>
[SupportedOSPlatform("windows")]
internal static partial class DetachedProcess
{
    private const uint CreateNoWindow = 0x08000000;
    private const uint CreateNewProcessGroup = 0x00000200;
    private const uint CreateUnicodeEnvironment = 0x00000400;

    /// <exception cref="Win32Exception">CreateProcessW failed.</exception>
    /// <exception cref="ServiceUnavailableException">The process ended before it could be watched.</exception>
    public static unsafe Process Start(IReadOnlyList<string> arguments, string workingDirectory)
    {
        // CreateProcessW may write into the command line, so it gets a buffer of its own, not a string.
        var commandLine = (WindowsCommandLine.Join(arguments) + '\0').ToCharArray();
        var startup = new StartupInfo { Size = (uint)sizeof(StartupInfo) };
        ProcessInformation created;
        fixed (char* line = commandLine)
        {
            if (!CreateProcessW(null, line, 0, 0, inheritHandles: false,
                    CreateNoWindow | CreateNewProcessGroup | CreateUnicodeEnvironment, 0, workingDirectory, &startup, &created))
            {
                throw new Win32Exception(Marshal.GetLastPInvokeError(), $"Could not start {arguments[0]}");
            }
        }
        try
        {
            // Our handles keep the id from being reused while Process opens its own.
            return Process.GetProcessById((int)created.ProcessId);
        }
        catch (ArgumentException)
        {
            throw new ServiceUnavailableException($"{arguments[0]} ended as soon as it started.");
        }
        finally
        {
            CloseHandle(created.Thread);
            CloseHandle(created.Process);
        }
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct StartupInfo
    {
        public uint Size;
        public nint Reserved, Desktop, Title;
        public uint X, Y, XSize, YSize, XCountChars, YCountChars, FillAttribute, Flags;
        public ushort ShowWindow, Reserved2;
        public nint Reserved2Pointer, StdInput, StdOutput, StdError;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct ProcessInformation
    {
        public nint Process, Thread;
        public uint ProcessId, ThreadId;
    }

    [LibraryImport("kernel32.dll", EntryPoint = "CreateProcessW", SetLastError = true, StringMarshalling = StringMarshalling.Utf16)]
    [return: MarshalAs(UnmanagedType.Bool)]
    private static unsafe partial bool CreateProcessW(string? applicationName, char* commandLine, nint processAttributes,
        nint threadAttributes, [MarshalAs(UnmanagedType.Bool)] bool inheritHandles, uint creationFlags, nint environment,
        string currentDirectory, StartupInfo* startupInfo, ProcessInformation* processInformation);

    [LibraryImport("kernel32.dll")]
    [return: MarshalAs(UnmanagedType.Bool)]
    private static partial bool CloseHandle(nint handle);
}
