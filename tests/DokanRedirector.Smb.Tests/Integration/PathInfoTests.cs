using DokanRedirector.Smb.Crypto;
using DokanRedirector.Smb.Tests.Fixtures;

namespace DokanRedirector.Smb.Tests.Integration;

[TestFixture("SMB2_02", SmbDialect.Smb202)]
[TestFixture("SMB3_11", SmbDialect.Smb311)]
public class PathInfoTests(string protocol, SmbDialect dialect) : TreeFixture(protocol, "share")
{
    [Test]
    public async Task QueryPathInfo_OfAFile_ReportsItsSizeAndTimes_InOneCompound()
    {
        var local = Local("stat-me.bin");
        await File.WriteAllBytesAsync(local, new byte[12_345]);
        File.SetLastWriteTimeUtc(local, new DateTime(2020, 1, 2, 3, 4, 5, DateTimeKind.Utc));

        var info = await Tree.QueryPathInfoAsync("stat-me.bin", None);

        Assert.Multiple(() =>
        {
            Assert.That(Connection.Dialect, Is.EqualTo(dialect));
            Assert.That(info.Standard.EndOfFile, Is.EqualTo(12_345));
            Assert.That(info.Standard.Directory, Is.False);
            Assert.That(info.Basic.FileAttributes & NtFileAttributes.Directory, Is.EqualTo((NtFileAttributes)0));
            Assert.That(info.Basic.LastWriteTime, Is.EqualTo(new DateTime(2020, 1, 2, 3, 4, 5, DateTimeKind.Utc).ToFileTimeUtc()));
            Assert.That(Connection.PendingCount, Is.Zero, "CREATE, QUERY_INFO and CLOSE all answered");
        });
    }

    [Test]
    public async Task QueryPathInfo_OfADirectory_SaysItIsOne()
    {
        Directory.CreateDirectory(Local("stat-dir"));

        var info = await Tree.QueryPathInfoAsync("stat-dir", None);

        Assert.Multiple(() =>
        {
            Assert.That(info.Standard.Directory, Is.True);
            Assert.That(info.Basic.FileAttributes & NtFileAttributes.Directory, Is.EqualTo(NtFileAttributes.Directory));
        });
    }

    [Test]
    public async Task QueryPathInfo_OfAMissingFile_FailsWithObjectNameNotFound_NamingThePath()
    {
        var error = await Assert.ThrowsAsync<SmbStatusException>(() => Tree.QueryPathInfoAsync("no-such-file", None));

        Assert.Multiple(() =>
        {
            Assert.That(error!.Status, Is.EqualTo(NtStatus.ObjectNameNotFound));
            Assert.That(error.Message, Does.Contain(@"\\127.0.0.1\share\no-such-file"));
        });
    }
}
