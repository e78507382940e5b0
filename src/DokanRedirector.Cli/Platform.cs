using System.Runtime.Versioning;

// Linux only for now: the control channel is a Unix socket checked with SO_PEERCRED and the front end is FUSE.
// Windows (a named pipe and the Dokan front end) is issue 5.
[assembly: SupportedOSPlatform("linux")]
