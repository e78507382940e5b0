using System.Runtime.Versioning;

// The CLI is Linux-only for now (Unix control socket, FUSE), and so are its tests.
[assembly: SupportedOSPlatform("linux")]
