// The CLI runs on Linux (a Unix control socket, FUSE) and Windows (a named pipe, Dokan). Platform-specific types
// carry [SupportedOSPlatform]; the code that chooses between them asks OperatingSystem.IsWindows()/IsLinux().
