using DokanRedirector.Fuse.Tests.Support;

namespace DokanRedirector.Fuse.Tests.Mount;

/// <summary>
/// A share on a server that speaks only SMB 2.0.2, whose READs carry at most 64 KiB: each of the kernel's reads (up
/// to 1 MiB) is answered from several READ buffers, in order, with one writev.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class SmallReadsMountTests
{
    private SambaMount _mount = null!;

    [OneTimeSetUp]
    public async Task MountAsync() => _mount = await SambaMount.StartShareAsync(samba: SambaServerOptions.ForDialect("SMB2_02"));

    [OneTimeTearDown]
    public async Task UnmountAsync() => await _mount.DisposeAsync();

    [Test]
    public async Task Cat_OfAFileOfManyReads_GivesEveryByte()
    {
        await WriteOnServerAsync("many.bin", (5 << 20) + 123);

        var sums = await Shell.SucceedAsync($"sha256sum < '{_mount.OnServer("many.bin")}'; cat '{_mount.InMount("many.bin")}' | sha256sum");

        Assert.That(sums.Split('\n', StringSplitOptions.RemoveEmptyEntries).Distinct().Count(), Is.EqualTo(1), sums);
    }

    [Test]
    public async Task Dd_FromAnOddOffsetPastTheEnd_GivesTheTail()
    {
        await WriteOnServerAsync("tail.bin", (3 << 20) + 5);
        var skip = (1 << 20) + 4099;

        var sums = await Shell.SucceedAsync($"tail -c +{skip + 1} '{_mount.OnServer("tail.bin")}' | sha256sum; "
            + $"dd if='{_mount.InMount("tail.bin")}' bs=1M iflag=skip_bytes skip={skip} status=none | sha256sum");

        Assert.That(sums.Split('\n', StringSplitOptions.RemoveEmptyEntries).Distinct().Count(), Is.EqualTo(1), sums);
    }

    private async Task WriteOnServerAsync(string name, int length)
    {
        var data = new byte[length];
        new Random(length).NextBytes(data);
        await File.WriteAllBytesAsync(_mount.OnServer(name), data);
    }
}
