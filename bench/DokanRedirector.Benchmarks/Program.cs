using DokanRedirector.Benchmarks;

// `smb`: our client against smbclient on a throw-away Samba; `smb-memory` is its child process. `mount`: our FUSE
// mount against smbclient and rclone; `mount-host` (our mount) and `mount-hold` are its children. Anything else goes to
// BenchmarkDotNet (e.g. --filter '*'), in a class of its own so the side-by-side runs never load it.
return args switch
{
    ["smb", .. var rest] => await SmbSideBySide.RunAsync(rest),
    [SmbMemoryProbe.Command, .. var rest] => await SmbMemoryProbe.RunAsync(rest),
    ["mount", .. var rest] => await MountSideBySide.RunAsync(rest),
    [OurMountProcess.Command, .. var rest] => await OurMountProcess.HostAsync(rest),
    [MountMemoryProbe.HoldCommand, .. var rest] => await MountMemoryProbe.HoldAsync(rest),
    _ => MicroBenchmarks.Run(args),
};
