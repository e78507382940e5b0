using DokanRedirector.Smb.Tests.Fixtures;

namespace DokanRedirector.Smb.Tests.Integration;

public class SambaServerTests
{
    [Test]
    public async Task Fixture_ServesTheShare_ToSmbClient_AndReportsTheServingChild()
    {
        await using var samba = await TestSamba.StartAsync();
        await File.WriteAllTextAsync(Path.Combine(samba.SharePath("share"), "hello.txt"), "hi");

        var ls = await samba.SmbClientAsync("share", "ls");
        var pids = await samba.ServingPidsAsync();

        Assert.Multiple(() =>
        {
            Assert.That(ls.ExitCode, Is.Zero, ls.Output);
            Assert.That(ls.Output, Does.Contain("hello.txt"));
            Assert.That(pids, Is.Not.Null);
        });
    }
}
