using System.Runtime.Versioning;

// FUSE mounts, runuser and /proc: these tests are Linux's.
[assembly: SupportedOSPlatform("linux")]
