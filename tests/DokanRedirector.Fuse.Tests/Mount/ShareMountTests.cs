using System.Security.Cryptography;
using System.Text;
using DokanRedirector.Fuse.Tests.Support;

namespace DokanRedirector.Fuse.Tests.Mount;

/// <summary>A share of a real Samba, mounted through FUSE and used with real tools. Each test works in a
/// directory of its own on the one mount; what the server really has is read from its disk.</summary>
[TestFixture]
public sealed class ShareMountTests : PerTestDirectoryFixture
{
    private const int EEXIST = 17;

    private string OnServer(string name) => Path.Combine(ServerDir, name);

    [Test]
    public async Task Cat_OfAFileOnTheServer_PrintsItsContent()
    {
        await File.WriteAllTextAsync(OnServer("hello.txt"), "hello from samba\n");

        var output = await Shell.SucceedAsync($"cat '{Dir}/hello.txt'");

        Assert.That(output, Is.EqualTo("hello from samba\n"));
    }

    [Test]
    public async Task LsL_OfADirectory_ShowsEveryEntryWithItsSizeAndType()
    {
        await File.WriteAllBytesAsync(OnServer("a.bin"), new byte[12345]);
        Directory.CreateDirectory(OnServer("sub"));

        var output = await Shell.SucceedAsync($"ls -l '{Dir}'");

        Assert.That(output, Does.Match(@"-rw-r--r-- +1 +\S+ +\S+ +12345 .* a\.bin"));
        Assert.That(output, Does.Match(@"drwxr-xr-x +2 .* sub"));
    }

    [Test]
    public async Task Ls_OfADirectoryLargerThanOneReply_ListsEveryEntryOnce()
    {
        for (var i = 0; i < 600; i++)
        {
            await File.WriteAllTextAsync(OnServer($"file-with-a-rather-long-name-{i:D4}.txt"), "x");
        }

        var plain = (await Shell.SucceedAsync($"ls -f '{Dir}'")).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var detailed = (await Shell.SucceedAsync($"ls -l '{Dir}' | grep -c file-with")).Trim();

        Assert.That(plain, Has.Length.EqualTo(602), "600 files plus . and ..");
        Assert.That(plain, Is.Unique);
        Assert.That(detailed, Is.EqualTo("600"));
    }

    [Test]
    public async Task Cp_IntoTheMount_WritesTheSameBytesOnTheServer()
    {
        var local = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N"));
        var data = RandomNumberGenerator.GetBytes(5 * 1024 * 1024 + 123);
        await File.WriteAllBytesAsync(local, data);
        try
        {
            await Shell.SucceedAsync($"cp '{local}' '{Dir}/copy.bin'");

            Assert.That(await File.ReadAllBytesAsync(OnServer("copy.bin")), Is.EqualTo(data));
        }
        finally
        {
            File.Delete(local);
        }
    }

    [Test]
    public async Task Dd_WithOneMebibyteBlocks_WritesAndReadsBackTheSameBytes()
    {
        await Shell.SucceedAsync($"dd if=/dev/urandom of=/tmp/dd-{Share.Samba.Port}.bin bs=1M count=8 status=none");
        try
        {
            await Shell.SucceedAsync($"dd if=/tmp/dd-{Share.Samba.Port}.bin of='{Dir}/dd.bin' bs=1M status=none");

            var sums = await Shell.SucceedAsync($"sha256sum < /tmp/dd-{Share.Samba.Port}.bin; sha256sum < '{OnServer("dd.bin")}'; "
                + $"dd if='{Dir}/dd.bin' bs=1M status=none | sha256sum");
            Assert.That(sums.Split('\n', StringSplitOptions.RemoveEmptyEntries).Distinct().Count(), Is.EqualTo(1), sums);
        }
        finally
        {
            File.Delete($"/tmp/dd-{Share.Samba.Port}.bin");
        }
    }

    [Test]
    public async Task Stat_RightAfterAStreamedWrite_ShowsEveryByteWritten()
    {
        var output = await Shell.SucceedAsync($"dd if=/dev/zero of='{Dir}/streamed.bin' bs=1M count=20 status=none && "
            + $"stat -c %s '{Dir}/streamed.bin' && ls -l '{Dir}' | grep -c ' 20971520 '");

        Assert.That(output, Is.EqualTo("20971520\n1\n"));
        Assert.That(new FileInfo(OnServer("streamed.bin")).Length, Is.EqualTo(20 << 20));
    }

    [Test]
    public async Task Write_ThatRewritesWhatIsStillInFlight_EndsWithTheLastData()
    {
        // One handle, pwrite(2) of the same MiB at offset 0 again and again: each rewrite overlaps the one before.
        using (var handle = File.OpenHandle($"{Dir}/rewritten.bin", FileMode.Create, FileAccess.Write))
        {
            for (var i = 1; i <= 9; i++)
            {
                RandomAccess.Write(handle, Enumerable.Repeat((byte)('0' + i), 1 << 20).ToArray(), 0);
            }
        }

        var data = await File.ReadAllBytesAsync(OnServer("rewritten.bin"));
        Assert.That(data, Has.Length.EqualTo(1 << 20).And.All.EqualTo((byte)'9'));
    }

    [Test]
    public async Task Write_ThroughAWriteOnlyOpen_ShowsInTheDataAnotherOpenHasCached()
    {
        await File.WriteAllTextAsync(OnServer("shared.txt"), "old content");
        using var reader = File.OpenHandle($"{Dir}/shared.txt", FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        var read = new byte[11];
        Assert.That(RandomAccess.Read(reader, read, 0), Is.EqualTo(11)); // now in the kernel's page cache

        // O_WRONLY: the kernel writes around its page cache (FOPEN_DIRECT_IO).
        using (var writer = File.OpenHandle($"{Dir}/shared.txt", FileMode.Open, FileAccess.Write, FileShare.ReadWrite))
        {
            RandomAccess.Write(writer, "new content"u8, 0);
        }

        Assert.That(RandomAccess.Read(reader, read, 0), Is.EqualTo(11));
        Assert.That(Encoding.ASCII.GetString(read), Is.EqualTo("new content"));
    }

    [Test]
    public async Task Append_WithShellRedirection_AddsToTheEnd()
    {
        await Shell.SucceedAsync($"echo one > '{Dir}/log.txt' && echo two >> '{Dir}/log.txt' && echo three >> '{Dir}/log.txt'");

        Assert.That(await File.ReadAllTextAsync(OnServer("log.txt")), Is.EqualTo("one\ntwo\nthree\n"));
        Assert.That(await Shell.SucceedAsync($"cat '{Dir}/log.txt'"), Is.EqualTo("one\ntwo\nthree\n"));
    }

    [Test]
    public async Task Overwrite_WithShellRedirection_TruncatesTheOldContent()
    {
        await File.WriteAllTextAsync(OnServer("old.txt"), "a much longer old content\n");

        await Shell.SucceedAsync($"cat '{Dir}/old.txt' > /dev/null && echo new > '{Dir}/old.txt'");

        Assert.That(await File.ReadAllTextAsync(OnServer("old.txt")), Is.EqualTo("new\n"));
        Assert.That(await Shell.SucceedAsync($"cat '{Dir}/old.txt'"), Is.EqualTo("new\n"));
    }

    [Test]
    public async Task MkdirP_CreatesNestedDirectoriesOnTheServer()
    {
        await Shell.SucceedAsync($"mkdir -p '{Dir}/a/b/c' && touch '{Dir}/a/b/c/leaf'");

        Assert.That(File.Exists(OnServer("a/b/c/leaf")));
        Assert.That(await Shell.SucceedAsync($"mkdir -p '{Dir}/a/b/c' && echo again"), Is.EqualTo("again\n"));
    }

    [Test]
    public async Task Mkdir_OfAnExistingName_FailsWithFileExists()
    {
        Directory.CreateDirectory(OnServer("there"));

        var result = await Shell.RunAsync($"mkdir '{Dir}/there'");

        Assert.That(result.ExitCode, Is.Not.Zero);
        Assert.That(result.Error, Does.Contain("File exists"));
    }

    [Test]
    public async Task Mv_RenamesAFileOnTheServer()
    {
        await File.WriteAllTextAsync(OnServer("before.txt"), "content");

        await Shell.SucceedAsync($"mkdir '{Dir}/into' && mv '{Dir}/before.txt' '{Dir}/into/after.txt'");

        Assert.That(File.Exists(OnServer("before.txt")), Is.False);
        Assert.That(await File.ReadAllTextAsync(OnServer("into/after.txt")), Is.EqualTo("content"));
        Assert.That(await Shell.SucceedAsync($"cat '{Dir}/into/after.txt'; ls '{Dir}'"), Is.EqualTo("contentinto\n"));
    }

    [Test]
    public async Task Mv_OfADirectory_KeepsItsContentReachable()
    {
        await Shell.SucceedAsync($"mkdir -p '{Dir}/d1/inner' && echo deep > '{Dir}/d1/inner/f' && cat '{Dir}/d1/inner/f'");

        await Shell.SucceedAsync($"mv '{Dir}/d1' '{Dir}/d2'");

        Assert.That(await Shell.SucceedAsync($"cat '{Dir}/d2/inner/f'"), Is.EqualTo("deep\n"));
        Assert.That(await Shell.RunAsync($"cat '{Dir}/d1/inner/f'"), Has.Property(nameof(ShellResult.ExitCode)).Not.Zero);
    }

    [Test]
    public async Task Rename_OntoAnExistingFile_ReplacesIt()
    {
        await File.WriteAllTextAsync(OnServer("new.txt"), "new");
        await File.WriteAllTextAsync(OnServer("target.txt"), "old");

        Assert.That(Syscalls.Rename($"{Dir}/new.txt", $"{Dir}/target.txt", 0), Is.Zero);

        Assert.That(await File.ReadAllTextAsync(OnServer("target.txt")), Is.EqualTo("new"));
        Assert.That(File.Exists(OnServer("new.txt")), Is.False);
    }

    [Test]
    public async Task Rename_WithNoReplace_OntoAnExistingFile_FailsWithEEXIST()
    {
        await File.WriteAllTextAsync(OnServer("new.txt"), "new");
        await File.WriteAllTextAsync(OnServer("target.txt"), "old");

        Assert.That(Syscalls.Rename($"{Dir}/new.txt", $"{Dir}/target.txt", Syscalls.RenameNoReplace), Is.EqualTo(EEXIST));

        Assert.That(await File.ReadAllTextAsync(OnServer("target.txt")), Is.EqualTo("old"));
        Assert.That(await File.ReadAllTextAsync(OnServer("new.txt")), Is.EqualTo("new"));
    }

    [Test]
    public async Task Rm_RemovesTheFileFromTheServer()
    {
        await File.WriteAllTextAsync(OnServer("doomed.txt"), "x");

        await Shell.SucceedAsync($"rm '{Dir}/doomed.txt'");

        Assert.That(File.Exists(OnServer("doomed.txt")), Is.False);
        Assert.That((await Shell.RunAsync($"cat '{Dir}/doomed.txt'")).Error, Does.Contain("No such file or directory"));
    }

    [Test]
    public async Task Rmdir_OfANonEmptyDirectory_FailsWithDirectoryNotEmpty()
    {
        Directory.CreateDirectory(OnServer("full"));
        await File.WriteAllTextAsync(OnServer("full/f"), "x");

        var result = await Shell.RunAsync($"rmdir '{Dir}/full'");

        Assert.That(result.Error, Does.Contain("Directory not empty"));
        Assert.That(Directory.Exists(OnServer("full")));
    }

    [Test]
    public async Task RmR_RemovesATreeFromTheServer()
    {
        await Shell.SucceedAsync($"mkdir -p '{Dir}/tree/a/b' && touch '{Dir}/tree/a/b/f' '{Dir}/tree/g'");

        await Shell.SucceedAsync($"rm -r '{Dir}/tree'");

        Assert.That(Directory.Exists(OnServer("tree")), Is.False);
    }

    [Test]
    public async Task Truncate_ShrinksAndExtendsTheFileOnTheServer()
    {
        await File.WriteAllTextAsync(OnServer("t.txt"), "0123456789");

        await Shell.SucceedAsync($"truncate -s 4 '{Dir}/t.txt'");
        Assert.That(await File.ReadAllTextAsync(OnServer("t.txt")), Is.EqualTo("0123"));

        await Shell.SucceedAsync($"truncate -s 1M '{Dir}/t.txt'");
        Assert.That(new FileInfo(OnServer("t.txt")).Length, Is.EqualTo(1 << 20));
        Assert.That(await Shell.SucceedAsync($"stat -c %s '{Dir}/t.txt'"), Is.EqualTo("1048576\n"));
    }

    [Test]
    public async Task Touch_WithADate_SetsTheModificationTimeOnTheServer()
    {
        await Shell.SucceedAsync($"touch -d '2001-02-03 04:05:06Z' '{Dir}/dated'");

        var expected = new DateTime(2001, 2, 3, 4, 5, 6, DateTimeKind.Utc);
        Assert.That(File.GetLastWriteTimeUtc(OnServer("dated")), Is.EqualTo(expected));
        Assert.That(await Shell.SucceedAsync($"TZ=UTC stat -c %y '{Dir}/dated'"), Does.StartWith("2001-02-03 04:05:06"));
    }

    [Test]
    public async Task Chmod_WithoutWriteBits_ShowsTheFileReadOnly_AndBack()
    {
        await File.WriteAllTextAsync(OnServer("ro.txt"), "x");

        Assert.That(await Shell.SucceedAsync($"chmod a-w '{Dir}/ro.txt' && stat -c %a '{Dir}/ro.txt'"), Is.EqualTo("444\n"));
        Assert.That(await Shell.SucceedAsync($"chmod u+w '{Dir}/ro.txt' && stat -c %a '{Dir}/ro.txt'"), Is.EqualTo("644\n"));
    }

    [Test]
    public async Task Chown_ToAnotherUser_FailsWithOperationNotPermitted()
    {
        await File.WriteAllTextAsync(OnServer("owned.txt"), "x");

        var result = await Shell.RunAsync($"chown 12345 '{Dir}/owned.txt'");

        Assert.That(result.Error, Does.Contain("Operation not permitted"));
    }

    [Test]
    public async Task Stat_OfAMissingFile_FailsWithNoSuchFile()
    {
        var result = await Shell.RunAsync($"stat '{Dir}/nothing-here'");

        Assert.That(result.Error, Does.Contain("No such file or directory"));
    }

    [Test]
    public async Task Touch_OfANameNoServerCanHave_FailsWithInvalidArgument()
    {
        var result = await Shell.RunAsync($"touch '{Dir}/a|b'");

        Assert.That(result.Error, Does.Contain("Invalid argument"));
    }

    [Test]
    public async Task Df_ReportsTheShareSize()
    {
        var output = await Shell.SucceedAsync($"df -P -B1 '{Dir}' | tail -1");

        var total = long.Parse(output.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture);
        Assert.That(total, Is.GreaterThan(0));
    }

    [Test]
    public async Task CreateExclusive_OfAnExistingFile_FailsWithFileExists()
    {
        await File.WriteAllTextAsync(OnServer("exists.txt"), "x");

        var result = await Shell.RunAsync($"set -C; echo y > '{Dir}/exists.txt'");

        Assert.That(result.Error, Does.Contain("File exists").Or.Contain("cannot create"));
        Assert.That(await File.ReadAllTextAsync(OnServer("exists.txt")), Is.EqualTo("x"));
    }

    [Test]
    public async Task Open_OfAFileChangedOnTheServer_RefreshesTheSizeStatShows_WithinTheAttributeLifetime()
    {
        await File.WriteAllTextAsync(OnServer("grown.txt"), "small");
        Assert.That(await Shell.SucceedAsync($"stat -c %s '{Dir}/grown.txt'"), Is.EqualTo("5\n"));
        await File.WriteAllTextAsync(OnServer("grown.txt"), "much larger now");

        // An open and close (the shell's redirection), no read: close-to-open, as a Windows client refreshes a
        // file's information from its CREATE response.
        var size = await Shell.SucceedAsync($"true < '{Dir}/grown.txt' && stat -c %s '{Dir}/grown.txt'");

        Assert.That(size, Is.EqualTo("15\n"));
    }

    [Test]
    public async Task Read_OfAFileChangedOnTheServer_SeesTheNewContentOnTheNextOpen_WithinTheAttributeLifetime()
    {
        await File.WriteAllTextAsync(OnServer("changing.txt"), "first");
        Assert.That(await Shell.SucceedAsync($"cat '{Dir}/changing.txt'"), Is.EqualTo("first"));

        // At once, well within the 10 s the kernel may keep the old size: the open itself must refresh it.
        await File.WriteAllTextAsync(OnServer("changing.txt"), "second, longer");

        Assert.That(await Shell.SucceedAsync($"cat '{Dir}/changing.txt'"), Is.EqualTo("second, longer"));
    }
}
