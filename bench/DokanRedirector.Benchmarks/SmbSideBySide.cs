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
    public const string Share = "share";

    public static readonly SmbCredential Credential = new(SambaServer.User, "", SambaServer.Password);

    private const int MiB = 1024 * 1024;
    private const string ReadName = "read.bin";
    private const string MemoryName = "memory.bin";
    private const string ListName = "list";
    private const string EmptyName = "empty";
    private const string OursWriteName = "written-by-us.bin";
    private const string TheirWriteName = "written-by-smbclient.bin";

    // smbclient runs one `ls` per process start, connect and logon; several per process, minus as many of an
    // empty directory, leave the listing alone.
    private const int ListingsPerRun = 5;

    // smbclient's default is already SMB3_11 (client max protocol = default); saying it keeps the comparison fixed.
    private static readonly string[] Unsigned = ["-m", "SMB3_11"];

    // Like for like: our client signs every request of an authenticated session; smbclient by default only when the
    // server requires it, which this one (server signing = auto) does not.
    private static readonly string[] Signed = ["-m", "SMB3_11", "--client-protection=sign"];

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
        if (!Sizes.TryParse(args, out var sizes, out var rounds))
        {
            Console.Error.WriteLine("usage: -- smb [--rounds N] [--quick]   (--quick: every size divided by 8, for a smoke run)");
            return 2;
        }
        Console.WriteLine($"Starting Samba on tmpfs and writing {sizes.Read / MiB + sizes.Memory / MiB + sizes.Write / MiB} MiB of test data…");
        await using var samba = await SambaServer.StartAsync(new SambaServerOptions { TempRoot = "/dev/shm" }).ConfigureAwait(false);
        var local = Directory.CreateDirectory(Path.Combine(samba.RootDirectory, "local")).FullName;
        var writeSource = Path.Combine(local, "source.bin");
        await MakeFilesAsync(samba.SharePath(Share), writeSource, sizes).ConfigureAwait(false);

        // First, in a fresh process, so the phases below cannot inflate its peak working set.
        var memory = await SmbMemoryProbe.RunChildAsync(samba.Port, MemoryName).ConfigureAwait(false);

        // Before our client connects, so the only session smbstatus sees is smbclient's own.
        var smbclientView = await SmbClientTime.ServerViewAsync(samba, Unsigned).ConfigureAwait(false);
        var smbclientSignedView = await SmbClientTime.ServerViewAsync(samba, Signed).ConfigureAwait(false);

        await using var client = new SmbClient(SambaServer.Host, samba.Port);
        await using var share = await client.ConnectShareAsync(Share, Credential, seal: false, CancellationToken.None).ConfigureAwait(false);
        var tree = await share.GetTreeAsync(CancellationToken.None).ConfigureAwait(false);
        var ours = new Ours(tree, writeSource);
        var theirs = new Theirs(samba, writeSource);
        var ourView = SmbClientTime.SessionOf((await samba.SmbStatusAsync("-b").ConfigureAwait(false)).Output);

        var results = new Results();
        for (var round = 0; round <= rounds; round++)
        {
            // Round 0 warms up (JIT, pools, page cache) and is not counted; the order alternates after it.
            var counted = round == 0 ? null : results;
            Console.WriteLine(round == 0 ? "warm-up round…" : $"round {round} of {rounds}…");
            var oursFirst = round % 2 == 1;
            await PairAsync(oursFirst, counted?.Read, () => ours.ReadAsync(sizes.Read), options => theirs.GetAsync(sizes.Read, options)).ConfigureAwait(false);
            await PairAsync(oursFirst, counted?.Write, () => ours.WriteAsync(sizes.Write), options => theirs.PutAsync(sizes.Write, options)).ConfigureAwait(false);
            await PairAsync(oursFirst, counted?.List, () => ours.ListAsync(sizes.Entries), theirs.ListAsync).ConfigureAwait(false);
        }

        Print(sizes, rounds, tree, $"ours {ourView}; smbclient {smbclientView}; smbclient --client-protection=sign {smbclientSignedView}", results, memory);
        return 0;
    }

    // Runs our side and smbclient's (unsigned and signed), ours first or last, and records the times.
    private static async Task PairAsync(bool oursFirst, Row? row, Func<Task<double>> ours, Func<string[], Task<SmbClientTime>> theirs)
    {
        var oursTime = oursFirst ? await ours().ConfigureAwait(false) : 0;
        SmbClientTime unsigned, signed;
        if (oursFirst)
        {
            unsigned = await theirs(Unsigned).ConfigureAwait(false);
            signed = await theirs(Signed).ConfigureAwait(false);
        }
        else
        {
            signed = await theirs(Signed).ConfigureAwait(false);
            unsigned = await theirs(Unsigned).ConfigureAwait(false);
            oursTime = await ours().ConfigureAwait(false);
        }
        row?.Add(oursTime, unsigned, signed);
    }

    private static async Task MakeFilesAsync(string shareDirectory, string writeSource, Sizes sizes)
    {
        // Random bytes, so no layer can take a shortcut on zeros or repeats.
        await WriteRandomAsync(Path.Combine(shareDirectory, ReadName), sizes.Read, seed: 1).ConfigureAwait(false);
        await WriteRandomAsync(Path.Combine(shareDirectory, MemoryName), sizes.Memory, seed: 2).ConfigureAwait(false);
        await WriteRandomAsync(writeSource, sizes.Write, seed: 3).ConfigureAwait(false);
        var list = Directory.CreateDirectory(Path.Combine(shareDirectory, ListName)).FullName;
        for (var i = 0; i < sizes.Entries; i++)
        {
            await File.WriteAllBytesAsync(Path.Combine(list, $"entry-{i:D5}.txt"), []).ConfigureAwait(false);
        }
        Directory.CreateDirectory(Path.Combine(shareDirectory, EmptyName));
    }

    private static async Task WriteRandomAsync(string path, long length, int seed)
    {
        var random = new Random(seed);
        var chunk = new byte[8 * MiB];
        await using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 0);
        for (var written = 0L; written < length; written += chunk.Length)
        {
            random.NextBytes(chunk);
            await file.WriteAsync(chunk.AsMemory(0, (int)Math.Min(chunk.Length, length - written))).ConfigureAwait(false);
        }
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
        Console.WriteLine($"smbclient: {string.Join(' ', Unsigned)}: data unsigned, as smbclient is by default here; the (signed) rows add --client-protection=sign.");
        Console.WriteLine("Times: ours = open + transfer + close on a connected session; smbclient get/put = its own reported rate (open + transfer + close);");
        Console.WriteLine($"smbclient ls = (wall of {ListingsPerRun} listings − wall of {ListingsPerRun} empty listings) / {ListingsPerRun}, which removes process start, connect and logon.");
        Console.WriteLine($"Sessions as smbd saw them (smbstatus -b: dialect, encryption, signing): {serverView}.");
        Console.WriteLine(
            "(\"partial\": signed packets but signing not required; smbclient's default signs only what 3.1.1 demands, such as TREE_CONNECT, " +
            "while ours signs every request.)");
        Console.WriteLine();
        Console.WriteLine($"{"",-34} {"ours",10} {"smbclient",10} {"ours/smbc",10} {"target",8}  verdict");
        results.Read.Print($"read {sizes.Read / MiB} MiB (get)", $"read {sizes.Read / MiB} MiB (get, signed)", 1.0, sizes.Read);
        results.Write.Print($"write {sizes.Write / MiB} MiB (put)", $"write {sizes.Write / MiB} MiB (put, signed)", 1.1, sizes.Write);
        results.List.Print($"list {sizes.Entries:N0} entries (ls)", $"list {sizes.Entries:N0} entries (ls, signed)", 1.0, null);
        Console.WriteLine(
            $"smbclient wall times, process start + connect + logon included: get {results.Read.UnsignedWall:F3} s, put {results.Write.UnsignedWall:F3} s, " +
            $"{ListingsPerRun} × ls {results.List.UnsignedWall:F3} s.");
        Console.WriteLine();
        memory.Print(sizes.Memory);
    }

    /// <summary>The test's sizes: the issue's, or all divided by 8 for a smoke run.</summary>
    private readonly record struct Sizes(long Read, long Write, long Memory, int Entries)
    {
        public static bool TryParse(string[] args, out Sizes sizes, out int rounds)
        {
            sizes = new Sizes(512L * MiB, 256L * MiB, 1024L * MiB, 5000);
            rounds = 5;
            for (var i = 0; i < args.Length; i++)
            {
                switch (args[i])
                {
                    case "--quick":
                        sizes = new Sizes(sizes.Read / 8, sizes.Write / 8, sizes.Memory / 8, sizes.Entries / 8);
                        break;
                    case "--rounds" when i + 1 < args.Length && int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out rounds) && rounds > 0:
                        i++;
                        break;
                    default:
                        return false;
                }
            }
            return true;
        }
    }

    /// <summary>Our client's side: each method returns the seconds one operation took.</summary>
    private sealed class Ours(SmbTree tree, string writeSource)
    {
        public async Task<double> ReadAsync(long expected)
        {
            var time = Stopwatch.StartNew();
            long copied;
            await using (var file = await tree.CreateAsync(ReadName, OpenRead, CancellationToken.None).ConfigureAwait(false))
            {
                copied = await file.CopyToAsync(Stream.Null, CancellationToken.None).ConfigureAwait(false);
                await file.CloseAsync(postQueryAttributes: false, CancellationToken.None).ConfigureAwait(false);
            }
            var seconds = time.Elapsed.TotalSeconds;
            Check(copied == expected, $"CopyToAsync copied {copied} bytes of {expected}");
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
            Check(written == expected, $"CopyFromAsync wrote {written} bytes of {expected}");
            return seconds;
        }

        // Open, QUERY_DIRECTORY until STATUS_NO_MORE_FILES, every entry decoded, close; per listing.
        public async Task<double> ListAsync(int expected)
        {
            var time = Stopwatch.StartNew();
            for (var i = 0; i < ListingsPerRun; i++)
            {
                var entries = 0;
                await using (var directory = await tree.CreateAsync(ListName, OpenDirectory, CancellationToken.None).ConfigureAwait(false))
                {
                    while (await directory.QueryDirectoryAsync("*", restart: false, CancellationToken.None).ConfigureAwait(false) is { } buffer)
                    {
                        entries += Count(buffer);
                    }
                    await directory.CloseAsync(postQueryAttributes: false, CancellationToken.None).ConfigureAwait(false);
                }
                Check(entries == expected + 2, $"the listing had {entries} entries, not {expected} and . and ..");
            }
            return time.Elapsed.TotalSeconds / ListingsPerRun;
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

    /// <summary>smbclient's side, with the given options.</summary>
    private sealed class Theirs(SambaServer samba, string writeSource)
    {
        public Task<SmbClientTime> GetAsync(long bytes, string[] options) =>
            SmbClientTime.TransferAsync(samba, $"get {ReadName} /dev/null", options, bytes);

        public Task<SmbClientTime> PutAsync(long bytes, string[] options) =>
            SmbClientTime.TransferAsync(samba, $"put {writeSource} {TheirWriteName}", options, bytes);

        public Task<SmbClientTime> ListAsync(string[] options) =>
            SmbClientTime.ListingAsync(samba, ListName, EmptyName, ListingsPerRun, options);
    }

    private static void Check(bool condition, string message)
    {
        if (!condition)
        {
            throw new InvalidOperationException(message);
        }
    }
}
