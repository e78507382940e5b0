using System.Diagnostics;
using System.Globalization;
using DokanRedirector.LocalSamba;
using DokanRedirector.Smb;
using DokanRedirector.Smb.Auth;
using DokanRedirector.Smb.Info;

namespace DokanRedirector.Benchmarks;

/// <summary>
/// The issue's side-by-side benchmark (<c>-- smb</c>): a throw-away Samba with its shares on tmpfs, and in one run,
/// on the same files, our client against <c>smbclient</c> for a sequential read, a sequential write and a large
/// directory listing, then the memory of a 1 GiB read in a process of its own. Prints medians, ratios and verdicts.
/// </summary>
internal static class SmbSideBySide
{
    public static readonly SmbCredential Credential = new(SambaServer.User, "", SambaServer.Password);

    private const int MiB = TestFiles.MiB;
    private const string MemoryName = "memory.bin";
    private const string OursWriteName = "written-by-us.bin";

    private static readonly SmbCreateOptions OpenRead = new() { ShareAccess = NtShareAccess.Read };

    private static readonly SmbCreateOptions OpenDirectory = OpenRead with { Options = NtCreateOptions.DirectoryFile };

    private static readonly SmbCreateOptions Overwrite = new()
    {
        Disposition = NtCreateDisposition.OverwriteIf,
        DesiredAccess = NtAccessMask.GenericWrite,
        ShareAccess = NtShareAccess.None,
    };

    public static async Task<int> RunAsync(string[] args)
    {
        if (!SideBySideOptions.TryParse("smb", args, out var options))
        {
            return 2;
        }
        var sizes = Sizes.For(options.Divisor);
        Console.WriteLine($"Starting Samba on tmpfs and writing {sizes.Read / MiB + sizes.Memory / MiB + sizes.Write / MiB} MiB of test data…");
        await using var samba = await TestFiles.StartSambaAsync().ConfigureAwait(false);
        var writeSource = await TestFiles.MakeAsync(samba, sizes.Read, sizes.Write, sizes.Entries).ConfigureAwait(false);
        var shareDirectory = samba.SharePath(TestFiles.Share);
        await TestFiles.WriteRandomAsync(Path.Combine(shareDirectory, MemoryName), sizes.Memory, seed: 2).ConfigureAwait(false);

        // First, in a fresh process, so the phases below cannot inflate its peak working set.
        var memory = await SmbMemoryProbe.RunChildAsync(samba.Port, MemoryName).ConfigureAwait(false);

        // Before our client connects, so the only session smbstatus sees is smbclient's own.
        var smbclientView = await SmbClientTime.ServerViewAsync(samba, SmbClientSide.Unsigned).ConfigureAwait(false);
        var smbclientSignedView = await SmbClientTime.ServerViewAsync(samba, SmbClientSide.Signed).ConfigureAwait(false);

        await using var client = new SmbClient(SambaServer.Host, samba.Port);
        await using var share = await client.ConnectShareAsync(TestFiles.Share, Credential, seal: false, CancellationToken.None).ConfigureAwait(false);
        var tree = await share.GetTreeAsync(CancellationToken.None).ConfigureAwait(false);
        var ours = new Ours(tree, writeSource);
        var theirs = new SmbClientSide(samba, writeSource);
        var ourView = SmbClientTime.SessionOf((await samba.SmbStatusAsync("-b").ConfigureAwait(false)).Output);

        var results = new Results();
        await options.RunRoundsAsync(async (round, forward) =>
        {
            var counted = round == 0 ? null : results;
            await Row.RunAsync(counted?.Read, forward, [Row.Timed(Row.Ours, () => ours.ReadAsync(sizes.Read)), .. SmbClientSide.Both(o => theirs.GetAsync(sizes.Read, o))]).ConfigureAwait(false);
            await Row.RunAsync(counted?.Write, forward, [Row.Timed(Row.Ours, () => ours.WriteAsync(sizes.Write)), .. SmbClientSide.Both(o => theirs.PutAsync(sizes.Write, o))]).ConfigureAwait(false);
            await Row.RunAsync(counted?.List, forward, [Row.Timed(Row.Ours, () => ours.ListAsync(sizes.Entries)), .. SmbClientSide.Both(theirs.ListAsync)]).ConfigureAwait(false);
        }).ConfigureAwait(false);

        Print(sizes, options.Rounds, tree, $"ours {ourView}; smbclient {smbclientView}; smbclient --client-protection=sign {smbclientSignedView}", results, memory);
        return 0;
    }

    private static void Print(Sizes sizes, int rounds, SmbTree tree, string serverView, Results results, SmbMemoryProbe.Report memory)
    {
        var connection = tree.Session.Connection;
        Console.WriteLine();
        Console.WriteLine($"SMB side by side: medians of {rounds} rounds (a warm-up round before them), Samba on 127.0.0.1, shares on tmpfs.");
        Console.WriteLine(
            $"ours:      dialect {connection.Dialect}, signing {(tree.Session.IsSigned ? connection.SigningAlgorithm + " on every request and response" : "off")}, " +
            $"encryption {(tree.IsEncrypted ? connection.Cipher.ToString() : "off")} (cipher negotiated: {connection.Cipher}); " +
            $"server's max READ {connection.MaxReadSize / MiB} MiB, WRITE {connection.MaxWriteSize / MiB} MiB.");
        Console.WriteLine($"smbclient: {string.Join(' ', SmbClientSide.Unsigned)}: data unsigned, as smbclient is by default here; the (signed) rows add --client-protection=sign.");
        Console.WriteLine("Times: ours = open + transfer + close on a connected session; smbclient get/put = its own reported rate (open + transfer + close);");
        Console.WriteLine($"smbclient ls = (wall of {SmbClientSide.ListingsPerRun} listings − wall of {SmbClientSide.ListingsPerRun} empty listings) / {SmbClientSide.ListingsPerRun}, which removes process start, connect and logon.");
        Console.WriteLine($"Sessions as smbd saw them (smbstatus -b: dialect, encryption, signing): {serverView}.");
        Console.WriteLine(
            "(\"partial\": signed packets but signing not required; smbclient's default signs only what 3.1.1 demands, such as TREE_CONNECT, " +
            "while ours signs every request.)");
        Console.WriteLine();
        Row.PrintHeader([Row.Ours, SmbClientSide.Column], "ours/smbc");
        results.Read.PrintAgainstSmbClient($"read {sizes.Read / MiB} MiB", "get", 1.0, sizes.Read);
        results.Write.PrintAgainstSmbClient($"write {sizes.Write / MiB} MiB", "put", 1.1, sizes.Write);
        results.List.PrintAgainstSmbClient($"list {sizes.Entries:N0} entries", "ls", 1.0, null);
        Console.WriteLine(
            $"smbclient wall times, process start + connect + logon included: get {Row.Seconds(results.Read.Median(SmbClientSide.Column + " wall")!.Value)}, " +
            $"put {Row.Seconds(results.Write.Median(SmbClientSide.Column + " wall")!.Value)}, {SmbClientSide.ListingsPerRun} × ls {Row.Seconds(results.List.Median(SmbClientSide.Column + " wall")!.Value)}.");
        Console.WriteLine();
        memory.Print(sizes.Memory);
    }

    /// <summary>The test's sizes: the issue's, or all divided by 8 (<c>--quick</c>) for a smoke run.</summary>
    private readonly record struct Sizes(long Read, long Write, long Memory, int Entries)
    {
        public static Sizes For(int divisor) => new(512L * MiB / divisor, 256L * MiB / divisor, 1024L * MiB / divisor, 5000 / divisor);
    }

    /// <summary>Our client's side: each method returns the seconds one operation took.</summary>
    private sealed class Ours(SmbTree tree, string writeSource)
    {
        public async Task<double> ReadAsync(long expected)
        {
            var time = Stopwatch.StartNew();
            long copied;
            await using (var file = await tree.CreateAsync(TestFiles.ReadName, OpenRead, CancellationToken.None).ConfigureAwait(false))
            {
                copied = await file.CopyToAsync(Stream.Null, CancellationToken.None).ConfigureAwait(false);
                await file.CloseAsync(postQueryAttributes: false, CancellationToken.None).ConfigureAwait(false);
            }
            var seconds = time.Elapsed.TotalSeconds;
            Checks.That(copied == expected, $"CopyToAsync copied {copied} bytes of {expected}");
            return seconds;
        }

        public async Task<double> WriteAsync(long expected)
        {
            // Unbuffered: each 8 MiB chunk is read straight into the copy's pooled buffer, as smbclient reads its file.
            await using var source = new FileStream(writeSource, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0);
            var time = Stopwatch.StartNew();
            long written;
            await using (var file = await tree.CreateAsync(OursWriteName, Overwrite, CancellationToken.None).ConfigureAwait(false))
            {
                written = await file.CopyFromAsync(source, 0, CancellationToken.None).ConfigureAwait(false);
                await file.CloseAsync(postQueryAttributes: false, CancellationToken.None).ConfigureAwait(false);
            }
            var seconds = time.Elapsed.TotalSeconds;
            Checks.That(written == expected, $"CopyFromAsync wrote {written} bytes of {expected}");
            return seconds;
        }

        // Open, QUERY_DIRECTORY until STATUS_NO_MORE_FILES, every entry decoded, close; per listing.
        public async Task<double> ListAsync(int expected)
        {
            var time = Stopwatch.StartNew();
            for (var i = 0; i < SmbClientSide.ListingsPerRun; i++)
            {
                var entries = 0;
                await using (var directory = await tree.CreateAsync(TestFiles.ListName, OpenDirectory, CancellationToken.None).ConfigureAwait(false))
                {
                    while (await directory.QueryDirectoryAsync("*", restart: false, CancellationToken.None).ConfigureAwait(false) is { } buffer)
                    {
                        entries += Count(buffer);
                    }
                    await directory.CloseAsync(postQueryAttributes: false, CancellationToken.None).ConfigureAwait(false);
                }
                Checks.That(entries == expected + 2, $"the listing had {entries} entries, not {expected} and . and ..");
            }
            return time.Elapsed.TotalSeconds / SmbClientSide.ListingsPerRun;
        }

        private static int Count(byte[] buffer)
        {
            var entries = 0;
            foreach (var entry in FileIdBothDirectoryInformation.Enumerate(buffer))
            {
                entries += entry.FileName.Length > 0 ? 1 : 0;
            }
            return entries;
        }
    }
}
