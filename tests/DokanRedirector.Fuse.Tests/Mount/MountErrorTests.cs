using DokanRedirector.Fuse.Tests.Support;
using DokanRedirector.Rdbss;
using DokanRedirector.SmbMiniRdr;
using Microsoft.Extensions.Logging.Abstractions;

namespace DokanRedirector.Fuse.Tests.Mount;

/// <summary>Mounts that cannot be made say why. No server is needed: the checks come before any use.</summary>
[TestFixture]
[NonParallelizable]
public sealed class MountErrorTests
{
    private Redirector _redirector = null!;
    private DirectoryInfo _temp = null!;

    [SetUp]
    public void Create()
    {
        FuseAvailability.Require();
        _redirector = new Redirector(new SmbMiniRedirector());
        _temp = Directory.CreateTempSubdirectory("fuse-errors-");
    }

    [TearDown]
    public async Task DisposeAsync()
    {
        await _redirector.DisposeAsync();
        _temp.Delete(recursive: true);
    }

    private Task<FuseMount> MountAt(string path) =>
        FuseMount.MountNetworkRootAsync(_redirector, path, new FuseMountOptions(), NullLoggerFactory.Instance, CancellationToken.None);

    [Test]
    public async Task Mount_OnAMissingDirectory_SaysItDoesNotExist()
    {
        var error = await Assert.ThrowsAsync<FuseMountException>(() => MountAt(Path.Combine(_temp.FullName, "missing")));

        Assert.That(error!.Message, Does.Contain("does not exist"));
    }

    [Test]
    public async Task Mount_OnAFile_SaysItIsNotADirectory()
    {
        var file = Path.Combine(_temp.FullName, "file");
        File.WriteAllText(file, "x");

        var error = await Assert.ThrowsAsync<FuseMountException>(() => MountAt(file));

        Assert.That(error!.Message, Does.Contain("not a directory"));
    }

    [Test]
    public async Task Mount_OnANonEmptyDirectory_SaysItIsNotEmpty()
    {
        File.WriteAllText(Path.Combine(_temp.FullName, "content"), "x");

        var error = await Assert.ThrowsAsync<FuseMountException>(() => MountAt(_temp.FullName));

        Assert.That(error!.Message, Does.Contain("not empty"));
    }

    [Test]
    public async Task Mount_OnAMountPoint_SaysItIsBusy()
    {
        var mountPoint = Directory.CreateDirectory(Path.Combine(_temp.FullName, "mp")).FullName;
        await using var first = await MountAt(mountPoint);

        var error = await Assert.ThrowsAsync<FuseMountException>(() => MountAt(mountPoint));

        Assert.That(error!.Message, Does.Contain("busy").And.Contain("fuse.dokanredirector"));
    }
}
