namespace DokanRedirector.EndToEnd.Tests;

/// <summary>A share mounted with <c>dokanredirector use</c>, used with everyday tools, every result checked
/// on the server side with smbclient (or on the server's disk).</summary>
public sealed class ToolTests
{
    private MountedShare _share = null!;

    [OneTimeSetUp]
    public async Task Mount() => _share = await MountedShare.StartAsync();

    [OneTimeTearDown]
    public async Task Unmount() => await _share.DisposeAsync();

    private string Mounted(string relative) => Path.Combine(_share.MountPoint, relative);

    private static string Unique(string prefix) => $"{prefix}{Guid.NewGuid():N}"[..(prefix.Length + 8)];

    [Test]
    public async Task LsL_ShowsAFileThe_ServerHas_WithItsSize()
    {
        var name = Unique("ls");
        File.WriteAllBytes(Path.Combine(_share.ServerPath, name), new byte[4321]);
        var listing = await Shell.SucceedAsync($"ls -l {_share.MountPoint}");
        Assert.That(listing, Does.Match($@"4321 .* {name}\b"));
    }

    [Test]
    public async Task Cat_ReadsWhatSmbclientWrote()
    {
        var name = Unique("cat");
        var local = Path.Combine(_share.Scratch.Root, name);
        File.WriteAllText(local, "written by smbclient\n");
        await _share.SmbClientAsync($"put {local} {name}");
        Assert.That(await Shell.SucceedAsync($"cat {Mounted(name)}"), Is.EqualTo("written by smbclient\n"));
    }

    [Test]
    public async Task CpR_OfATreeWith1000Files_ArrivesWhole_DiffRFindsNothing()
    {
        var source = Path.Combine(_share.Scratch.NewDirectory("src"), "tree");
        for (var d = 0; d < 10; d++)
        {
            var dir = Directory.CreateDirectory(Path.Combine(source, $"dir{d}", "nested")).FullName;
            for (var f = 0; f < 100; f++)
            {
                File.WriteAllText(Path.Combine(f % 2 == 0 ? dir : Path.GetDirectoryName(dir)!, $"file{f:D3}.txt"), $"{d}/{f} {new string('x', f * 37)}");
            }
        }
        var target = Unique("cp");
        await Shell.SucceedAsync($"cp -r {source} {Mounted(target)}");
        await Shell.SucceedAsync($"diff -r {source} {Mounted(target)}");
        await Shell.SucceedAsync($"diff -r {source} {Path.Combine(_share.ServerPath, target)}");
        var listing = await _share.SmbClientAsync($"recurse ON; ls {target}\\*");
        Assert.That(listing.Split('\n').Count(l => l.Contains(".txt", StringComparison.Ordinal)), Is.EqualTo(1000));
    }

    [Test]
    public async Task Mv_RenamesOnTheServer()
    {
        var from = Unique("mvfrom");
        var to = Unique("mvto");
        await Shell.SucceedAsync($"echo moved > {Mounted(from)} && mv {Mounted(from)} {Mounted(to)}");
        var listing = await _share.SmbClientAsync("ls");
        Assert.Multiple(() =>
        {
            Assert.That(listing, Does.Contain(to));
            Assert.That(listing, Does.Not.Contain(from));
        });
    }

    [Test]
    public async Task MkdirP_ThenRmR_CreateAndRemoveATreeOnTheServer()
    {
        var top = Unique("tree");
        await Shell.SucceedAsync($"mkdir -p {Mounted($"{top}/a/b/c")} && touch {Mounted($"{top}/a/b/c/f")} {Mounted($"{top}/a/g")}");
        Assert.That(await _share.SmbClientAsync($@"ls {top}\a\b\c\f"), Does.Contain(" f "));
        await Shell.SucceedAsync($"rm -r {Mounted(top)}");
        var after = await _share.Samba.SmbClientAsync("share", $"ls {top}");
        Assert.That(after.Output, Does.Contain("NT_STATUS_NO_SUCH_FILE").Or.Contain("NT_STATUS_OBJECT_NAME_NOT_FOUND"));
    }

    [Test]
    public async Task Truncate_SetsTheSizeTheServerReports()
    {
        var name = Unique("trunc");
        await Shell.SucceedAsync($"echo 0123456789 > {Mounted(name)} && truncate -s 4 {Mounted(name)}");
        await Shell.SucceedAsync($"truncate -s 1M {Mounted(name)}");
        Assert.That(await _share.SmbClientAsync($"ls {name}"), Does.Match($@"{name}\s+\w*\s+1048576\b"));
        Assert.That(File.ReadAllBytes(Path.Combine(_share.ServerPath, name))[..5], Is.EqualTo("0123\0"u8.ToArray()));
    }

    [Test]
    public async Task Touch_CreatesAFile_AndSetsItsTime()
    {
        var name = Unique("touch");
        await Shell.SucceedAsync($"touch {Mounted(name)} && touch -d '2001-02-03 04:05:06 UTC' {Mounted(name)}");
        Assert.That(File.GetLastWriteTimeUtc(Path.Combine(_share.ServerPath, name)), Is.EqualTo(new DateTime(2001, 2, 3, 4, 5, 6, DateTimeKind.Utc)));
        Assert.That(await Shell.SucceedAsync($"stat -c %Y {Mounted(name)}"), Is.EqualTo("981173106\n"));
    }

    [Test]
    public async Task Appends_ExtendTheFile_AndEveryReaderSeesThem()
    {
        var name = Unique("append");
        await Shell.SucceedAsync($"echo one > {Mounted(name)} && echo two >> {Mounted(name)} && echo three >> {Mounted(name)}");
        Assert.That(await Shell.SucceedAsync($"cat {Mounted(name)}"), Is.EqualTo("one\ntwo\nthree\n"));
        var local = Path.Combine(_share.Scratch.Root, name);
        await _share.SmbClientAsync($"get {name} {local}");
        Assert.That(File.ReadAllText(local), Is.EqualTo("one\ntwo\nthree\n"));
    }

    [Test]
    public async Task Dd_Of64MiB_WritesAndReadsBackTheSameBytes()
    {
        var name = Unique("dd");
        var source = Path.Combine(_share.Scratch.Root, name);
        await Shell.SucceedAsync($"head -c 67108864 /dev/urandom > {source}");
        await Shell.SucceedAsync($"dd if={source} of={Mounted(name)} bs=1M status=none");
        var sums = await Shell.SucceedAsync($"md5sum < {source}; md5sum < {Mounted(name)}; md5sum < {Path.Combine(_share.ServerPath, name)}");
        Assert.That(sums.Split('\n', StringSplitOptions.RemoveEmptyEntries).Distinct().Count(), Is.EqualTo(1), sums);
    }
}
