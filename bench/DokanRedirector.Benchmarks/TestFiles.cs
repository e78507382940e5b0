using DokanRedirector.LocalSamba;

namespace DokanRedirector.Benchmarks;

/// <summary>The files the side-by-side modes work on, in the throw-away Samba's <c>share</c> (on tmpfs).</summary>
internal static class TestFiles
{
    public const string Share = "share";
    public const string ReadName = "read.bin";
    public const string ListName = "list";
    public const string EmptyName = "empty";
    public const string TheirWriteName = "written-by-smbclient.bin";

    public const int MiB = 1024 * 1024;

    /// <summary>A throw-away Samba whose shares live on tmpfs (/dev/shm), so the disk is out of the picture.</summary>
    public static Task<SambaServer> StartSambaAsync() => SambaServer.StartAsync(new SambaServerOptions { TempRoot = "/dev/shm" });

    /// <summary>Random bytes, so no layer can take a shortcut on zeros or repeats.</summary>
    public static async Task WriteRandomAsync(string path, long length, int seed)
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

    /// <summary>
    /// The read file, the directory of <paramref name="entries"/> empty files and the empty directory in the share, and
    /// the file to write from on the same tmpfs outside the shares; returns that file's path.
    /// </summary>
    public static async Task<string> MakeAsync(SambaServer samba, long readBytes, long writeBytes, int entries)
    {
        var shareDirectory = samba.SharePath(Share);
        await WriteRandomAsync(Path.Combine(shareDirectory, ReadName), readBytes, seed: 1).ConfigureAwait(false);
        await MakeEntriesAsync(Path.Combine(shareDirectory, ListName), entries).ConfigureAwait(false);
        Directory.CreateDirectory(Path.Combine(shareDirectory, EmptyName));
        var writeSource = Path.Combine(Directory.CreateDirectory(Path.Combine(samba.RootDirectory, "local")).FullName, "source.bin");
        await WriteRandomAsync(writeSource, writeBytes, seed: 3).ConfigureAwait(false);
        return writeSource;
    }

    /// <summary>A directory of <paramref name="count"/> empty files named <see cref="EntryName"/>.</summary>
    public static async Task MakeEntriesAsync(string directory, int count)
    {
        Directory.CreateDirectory(directory);
        for (var i = 0; i < count; i++)
        {
            await File.WriteAllBytesAsync(Path.Combine(directory, EntryName(i)), []).ConfigureAwait(false);
        }
    }

    public static string EntryName(int i) => $"entry-{i:D5}.txt";
}

/// <summary>smbclient's side of a comparison on <see cref="TestFiles"/>, with the given options.</summary>
internal sealed class SmbClientSide(SambaServer samba, string writeSource)
{
    // smbclient runs one `ls` per process start, connect and logon; several per process, minus as many of an
    // empty directory, leave the listing alone.
    public const int ListingsPerRun = 5;

    public const string Column = "smbclient";
    public const string SignedColumn = "smbclient signed";

    // smbclient's default is already SMB3_11 (client max protocol = default); saying it keeps the comparison fixed.
    public static readonly string[] Unsigned = ["-m", "SMB3_11"];

    // Like for like: our client signs every request of an authenticated session; smbclient by default only when the
    // server requires it, which this one (server signing = auto) does not.
    public static readonly string[] Signed = ["-m", "SMB3_11", "--client-protection=sign"];

    public Task<SmbClientTime> GetAsync(long bytes, string[] options) =>
        SmbClientTime.TransferAsync(samba, $"get {TestFiles.ReadName} /dev/null", options, bytes);

    public Task<SmbClientTime> PutAsync(long bytes, string[] options) =>
        SmbClientTime.TransferAsync(samba, $"put {writeSource} {TestFiles.TheirWriteName}", options, bytes);

    public Task<SmbClientTime> ListAsync(string[] options) =>
        SmbClientTime.ListingAsync(samba, TestFiles.ListName, TestFiles.EmptyName, ListingsPerRun, options);

    /// <summary>The unsigned and the signed side of one operation, as columns "smbclient" and "smbclient signed".</summary>
    public static Side[] Both(Func<string[], Task<SmbClientTime>> run) =>
        [Row.SmbClient(Column, () => run(Unsigned)), Row.SmbClient(SignedColumn, () => run(Signed))];
}
