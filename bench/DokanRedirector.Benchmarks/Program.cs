using DokanRedirector.Benchmarks;

// `smb`: our client against smbclient on a throw-away Samba; `smb-memory` is its child process. Anything else goes
// to BenchmarkDotNet (e.g. --filter '*'), in a class of its own so the SMB runs never load it.
return args switch
{
    ["smb", .. var rest] => await SmbSideBySide.RunAsync(rest),
    [SmbMemoryProbe.Command, .. var rest] => await SmbMemoryProbe.RunAsync(rest),
    _ => MicroBenchmarks.Run(args),
};
