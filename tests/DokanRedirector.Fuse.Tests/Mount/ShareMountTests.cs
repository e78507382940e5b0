using System.Security.Cryptography;
using DokanRedirector.Fuse.Tests.Support;

namespace DokanRedirector.Fuse.Tests.Mount;

/// <summary>A share of a real Samba, mounted through FUSE and used with real tools. Each test works in a
/// directory of its own on the one mount; what the server really has is read from its disk.</summary>
[TestFixture]
[NonParallelizable]
public sealed class ShareMountTests
{
    private const int EEXIST = 17;

    private SambaMount _mount = null!;
    private string _dir = null!;
    private string _serverDir = null!;

    [OneTimeSetUp]
    public async Task MountAsync() => _mount = await SambaMount.StartShareAsync();

    [OneTimeTearDown]
    public async Task UnmountAsync() => await _mount.DisposeAsync();

    [SetUp]
    public void MakeTestDirectory()
    {
        var name = TestContext.CurrentContext.Test.MethodName!;
        _serverDir = _mount.OnServer(name);
        Directory.CreateDirectory(_serverDir);
        _dir = _mount.InMount(name);
    }

    private string OnServer(string name) => Path.Combine(_serverDir, name);

    [Test]
    public async Task Cat_OfAFileOnTheServer_PrintsItsContent()
    {
        await File.WriteAllTextAsync(OnServer("hello.txt"), "hello from samba\n");

        var output = await Shell.SucceedAsync($"cat '{_dir}/hello.txt'");

        Assert.That(output, Is.EqualTo("hello from samba\n"));
    }

    [Test]
    public async Task LsL_OfADirectory_ShowsEveryEntryWithItsSizeAndType()
    {
        await File.WriteAllBytesAsync(OnServer("a.bin"), new byte[12345]);
        Directory.CreateDirectory(OnServer("sub"));

        var output = await Shell.SucceedAsync($"ls -l '{_dir}'");

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

        var plain = (await Shell.SucceedAsync($"ls -f '{_dir}'")).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var detailed = (await Shell.SucceedAsync($"ls -l '{_dir}' | grep -c file-with")).Trim();

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
            await Shell.SucceedAsync($"cp '{local}' '{_dir}/copy.bin'");

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
        await Shell.SucceedAsync($"dd if=/dev/urandom of=/tmp/dd-{_mount.Samba.Port}.bin bs=1M count=8 status=none");
        try
        {
            await Shell.SucceedAsync($"dd if=/tmp/dd-{_mount.Samba.Port}.bin of='{_dir}/dd.bin' bs=1M status=none");

            var sums = await Shell.SucceedAsync($"sha256sum < /tmp/dd-{_mount.Samba.Port}.bin; sha256sum < '{OnServer("dd.bin")}'; "
                + $"dd if='{_dir}/dd.bin' bs=1M status=none | sha256sum");
            Assert.That(sums.Split('\n', StringSplitOptions.RemoveEmptyEntries).Distinct().Count(), Is.EqualTo(1), sums);
        }
        finally
        {
            File.Delete($"/tmp/dd-{_mount.Samba.Port}.bin");
        }
    }

    [Test]
    public async Task Stat_RightAfterAStreamedWrite_ShowsEveryByteWritten()
    {
        var output = await Shell.SucceedAsync($"dd if=/dev/zero of='{_dir}/streamed.bin' bs=1M count=20 status=none && "
            + $"stat -c %s '{_dir}/streamed.bin' && ls -l '{_dir}' | grep -c ' 20971520 '");

        Assert.That(output, Is.EqualTo("20971520\n1\n"));
        Assert.That(new FileInfo(OnServer("streamed.bin")).Length, Is.EqualTo(20 << 20));
    }

    [Test]
    public async Task Write_ThatRewritesWhatIsStillInFlight_EndsWithTheLastData()
    {
        // One handle, pwrite(2) of the same MiB at offset 0 again and again: each rewrite overlaps the one before.
        using (var handle = File.OpenHandle($"{_dir}/rewritten.bin", FileMode.Create, FileAccess.Write))
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
    public async Task Append_WithShellRedirection_AddsToTheEnd()
    {
        await Shell.SucceedAsync($"echo one > '{_dir}/log.txt' && echo two >> '{_dir}/log.txt' && echo three >> '{_dir}/log.txt'");

        Assert.That(await File.ReadAllTextAsync(OnServer("log.txt")), Is.EqualTo("one\ntwo\nthree\n"));
        Assert.That(await Shell.SucceedAsync($"cat '{_dir}/log.txt'"), Is.EqualTo("one\ntwo\nthree\n"));
    }

    [Test]
    public async Task Overwrite_WithShellRedirection_TruncatesTheOldContent()
    {
        await File.WriteAllTextAsync(OnServer("old.txt"), "a much longer old content\n");

        await Shell.SucceedAsync($"cat '{_dir}/old.txt' > /dev/null && echo new > '{_dir}/old.txt'");

        Assert.That(await File.ReadAllTextAsync(OnServer("old.txt")), Is.EqualTo("new\n"));
        Assert.That(await Shell.SucceedAsync($"cat '{_dir}/old.txt'"), Is.EqualTo("new\n"));
    }

    [Test]
    public async Task MkdirP_CreatesNestedDirectoriesOnTheServer()
    {
        await Shell.SucceedAsync($"mkdir -p '{_dir}/a/b/c' && touch '{_dir}/a/b/c/leaf'");

        Assert.That(File.Exists(OnServer("a/b/c/leaf")));
        Assert.That(await Shell.SucceedAsync($"mkdir -p '{_dir}/a/b/c' && echo again"), Is.EqualTo("again\n"));
    }

    [Test]
    public async Task Mkdir_OfAnExistingName_FailsWithFileExists()
    {
        Directory.CreateDirectory(OnServer("there"));

        var result = await Shell.RunAsync($"mkdir '{_dir}/there'");

        Assert.That(result.ExitCode, Is.Not.Zero);
        Assert.That(result.Error, Does.Contain("File exists"));
    }

    [Test]
    public async Task Mv_RenamesAFileOnTheServer()
    {
        await File.WriteAllTextAsync(OnServer("before.txt"), "content");

        await Shell.SucceedAsync($"mkdir '{_dir}/into' && mv '{_dir}/before.txt' '{_dir}/into/after.txt'");

        Assert.That(File.Exists(OnServer("before.txt")), Is.False);
        Assert.That(await File.ReadAllTextAsync(OnServer("into/after.txt")), Is.EqualTo("content"));
        Assert.That(await Shell.SucceedAsync($"cat '{_dir}/into/after.txt'; ls '{_dir}'"), Is.EqualTo("contentinto\n"));
    }

    [Test]
    public async Task Mv_OfADirectory_KeepsItsContentReachable()
    {
        await Shell.SucceedAsync($"mkdir -p '{_dir}/d1/inner' && echo deep > '{_dir}/d1/inner/f' && cat '{_dir}/d1/inner/f'");

        await Shell.SucceedAsync($"mv '{_dir}/d1' '{_dir}/d2'");

        Assert.That(await Shell.SucceedAsync($"cat '{_dir}/d2/inner/f'"), Is.EqualTo("deep\n"));
        Assert.That(await Shell.RunAsync($"cat '{_dir}/d1/inner/f'"), Has.Property(nameof(ShellResult.ExitCode)).Not.Zero);
    }

    [Test]
    public async Task Rename_OntoAnExistingFile_ReplacesIt()
    {
        await File.WriteAllTextAsync(OnServer("new.txt"), "new");
        await File.WriteAllTextAsync(OnServer("target.txt"), "old");

        Assert.That(Syscalls.Rename($"{_dir}/new.txt", $"{_dir}/target.txt", 0), Is.Zero);

        Assert.That(await File.ReadAllTextAsync(OnServer("target.txt")), Is.EqualTo("new"));
        Assert.That(File.Exists(OnServer("new.txt")), Is.False);
    }

    [Test]
    public async Task Rename_WithNoReplace_OntoAnExistingFile_FailsWithEEXIST()
    {
        await File.WriteAllTextAsync(OnServer("new.txt"), "new");
        await File.WriteAllTextAsync(OnServer("target.txt"), "old");

        Assert.That(Syscalls.Rename($"{_dir}/new.txt", $"{_dir}/target.txt", Syscalls.RenameNoReplace), Is.EqualTo(EEXIST));

        Assert.That(await File.ReadAllTextAsync(OnServer("target.txt")), Is.EqualTo("old"));
        Assert.That(await File.ReadAllTextAsync(OnServer("new.txt")), Is.EqualTo("new"));
    }

    [Test]
    public async Task Rm_RemovesTheFileFromTheServer()
    {
        await File.WriteAllTextAsync(OnServer("doomed.txt"), "x");

        await Shell.SucceedAsync($"rm '{_dir}/doomed.txt'");

        Assert.That(File.Exists(OnServer("doomed.txt")), Is.False);
        Assert.That((await Shell.RunAsync($"cat '{_dir}/doomed.txt'")).Error, Does.Contain("No such file or directory"));
    }

    [Test]
    public async Task Rmdir_OfANonEmptyDirectory_FailsWithDirectoryNotEmpty()
    {
        Directory.CreateDirectory(OnServer("full"));
        await File.WriteAllTextAsync(OnServer("full/f"), "x");

        var result = await Shell.RunAsync($"rmdir '{_dir}/full'");

        Assert.That(result.Error, Does.Contain("Directory not empty"));
        Assert.That(Directory.Exists(OnServer("full")));
    }

    [Test]
    public async Task RmR_RemovesATreeFromTheServer()
    {
        await Shell.SucceedAsync($"mkdir -p '{_dir}/tree/a/b' && touch '{_dir}/tree/a/b/f' '{_dir}/tree/g'");

        await Shell.SucceedAsync($"rm -r '{_dir}/tree'");

        Assert.That(Directory.Exists(OnServer("tree")), Is.False);
    }

    [Test]
    public async Task Truncate_ShrinksAndExtendsTheFileOnTheServer()
    {
        await File.WriteAllTextAsync(OnServer("t.txt"), "0123456789");

        await Shell.SucceedAsync($"truncate -s 4 '{_dir}/t.txt'");
        Assert.That(await File.ReadAllTextAsync(OnServer("t.txt")), Is.EqualTo("0123"));

        await Shell.SucceedAsync($"truncate -s 1M '{_dir}/t.txt'");
        Assert.That(new FileInfo(OnServer("t.txt")).Length, Is.EqualTo(1 << 20));
        Assert.That(await Shell.SucceedAsync($"stat -c %s '{_dir}/t.txt'"), Is.EqualTo("1048576\n"));
    }

    [Test]
    public async Task Touch_WithADate_SetsTheModificationTimeOnTheServer()
    {
        await Shell.SucceedAsync($"touch -d '2001-02-03 04:05:06Z' '{_dir}/dated'");

        var expected = new DateTime(2001, 2, 3, 4, 5, 6, DateTimeKind.Utc);
        Assert.That(File.GetLastWriteTimeUtc(OnServer("dated")), Is.EqualTo(expected));
        Assert.That(await Shell.SucceedAsync($"TZ=UTC stat -c %y '{_dir}/dated'"), Does.StartWith("2001-02-03 04:05:06"));
    }

    [Test]
    public async Task Chmod_WithoutWriteBits_ShowsTheFileReadOnly_AndBack()
    {
        await File.WriteAllTextAsync(OnServer("ro.txt"), "x");

        Assert.That(await Shell.SucceedAsync($"chmod a-w '{_dir}/ro.txt' && stat -c %a '{_dir}/ro.txt'"), Is.EqualTo("444\n"));
        Assert.That(await Shell.SucceedAsync($"chmod u+w '{_dir}/ro.txt' && stat -c %a '{_dir}/ro.txt'"), Is.EqualTo("644\n"));
    }

    [Test]
    public async Task Chown_ToAnotherUser_FailsWithOperationNotPermitted()
    {
        await File.WriteAllTextAsync(OnServer("owned.txt"), "x");

        var result = await Shell.RunAsync($"chown 12345 '{_dir}/owned.txt'");

        Assert.That(result.Error, Does.Contain("Operation not permitted"));
    }

    [Test]
    public async Task Stat_OfAMissingFile_FailsWithNoSuchFile()
    {
        var result = await Shell.RunAsync($"stat '{_dir}/nothing-here'");

        Assert.That(result.Error, Does.Contain("No such file or directory"));
    }

    [Test]
    public async Task Touch_OfANameNoServerCanHave_FailsWithInvalidArgument()
    {
        var result = await Shell.RunAsync($"touch '{_dir}/a|b'");

        Assert.That(result.Error, Does.Contain("Invalid argument"));
    }

    [Test]
    public async Task Df_ReportsTheShareSize()
    {
        var output = await Shell.SucceedAsync($"df -P -B1 '{_dir}' | tail -1");

        var total = long.Parse(output.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture);
        Assert.That(total, Is.GreaterThan(0));
    }

    [Test]
    public async Task CreateExclusive_OfAnExistingFile_FailsWithFileExists()
    {
        await File.WriteAllTextAsync(OnServer("exists.txt"), "x");

        var result = await Shell.RunAsync($"set -C; echo y > '{_dir}/exists.txt'");

        Assert.That(result.Error, Does.Contain("File exists").Or.Contain("cannot create"));
        Assert.That(await File.ReadAllTextAsync(OnServer("exists.txt")), Is.EqualTo("x"));
    }

    [Test]
    public async Task Open_OfAFileChangedOnTheServer_RefreshesTheSizeStatShows_WithinTheAttributeLifetime()
    {
        await File.WriteAllTextAsync(OnServer("grown.txt"), "small");
        Assert.That(await Shell.SucceedAsync($"stat -c %s '{_dir}/grown.txt'"), Is.EqualTo("5\n"));
        await File.WriteAllTextAsync(OnServer("grown.txt"), "much larger now");

        // An open and close (the shell's redirection), no read: close-to-open, as a Windows client refreshes a
        // file's information from its CREATE response.
        var size = await Shell.SucceedAsync($"true < '{_dir}/grown.txt' && stat -c %s '{_dir}/grown.txt'");

        Assert.That(size, Is.EqualTo("15\n"));
    }

    [Test]
    public async Task Read_OfAFileChangedOnTheServer_SeesTheNewContentOnTheNextOpen_WithinTheAttributeLifetime()
    {
        await File.WriteAllTextAsync(OnServer("changing.txt"), "first");
        Assert.That(await Shell.SucceedAsync($"cat '{_dir}/changing.txt'"), Is.EqualTo("first"));

        // At once, well within the 10 s the kernel may keep the old size: the open itself must refresh it.
        await File.WriteAllTextAsync(OnServer("changing.txt"), "second, longer");

        Assert.That(await Shell.SucceedAsync($"cat '{_dir}/changing.txt'"), Is.EqualTo("second, longer"));
    }
}
