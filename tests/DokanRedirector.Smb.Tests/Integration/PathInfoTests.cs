using DokanRedirector.Smb.Auth;
using DokanRedirector.Smb.Crypto;
using DokanRedirector.Smb.Tests.Fixtures;

namespace DokanRedirector.Smb.Tests.Integration;

[TestFixture("SMB2_02", SmbDialect.Smb202)]
[TestFixture("SMB3_11", SmbDialect.Smb311)]
public class PathInfoTests(string protocol, SmbDialect dialect) : DialectFixture(protocol)
{
    private SmbConnection _connection = null!;
    private SmbTree _tree = null!;

    [SetUp]
    public async Task Connect()
    {
        _connection = await SmbConnection.ConnectAsync(SambaServer.Host, Samba.Port, null, CancellationToken.None);
        var session = await _connection.SetupSessionAsync(new SmbCredential(SambaServer.User, "", SambaServer.Password), CancellationToken.None);
        _tree = await session.TreeConnectAsync("share", CancellationToken.None);
    }

    [TearDown]
    public async Task Disconnect()
    {
        Assert.That(_connection.IsBroken, Is.False, () => _connection.BreakReason!.Message);
        await _connection.DisposeAsync();
    }

    [Test]
    public async Task QueryPathInfo_OfAFile_ReportsItsSizeAndTimes_InOneCompound()
    {
        var local = Path.Combine(Samba.SharePath("share"), "stat-me.bin");
        await File.WriteAllBytesAsync(local, new byte[12_345]);
        File.SetLastWriteTimeUtc(local, new DateTime(2020, 1, 2, 3, 4, 5, DateTimeKind.Utc));

        var info = await _tree.QueryPathInfoAsync("stat-me.bin", CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(_connection.Dialect, Is.EqualTo(dialect));
            Assert.That(info.Standard.EndOfFile, Is.EqualTo(12_345));
            Assert.That(info.Standard.Directory, Is.False);
            Assert.That(info.Basic.FileAttributes & NtFileAttributes.Directory, Is.EqualTo((NtFileAttributes)0));
            Assert.That(info.Basic.LastWriteTime, Is.EqualTo(new DateTime(2020, 1, 2, 3, 4, 5, DateTimeKind.Utc).ToFileTimeUtc()));
            Assert.That(_connection.PendingCount, Is.Zero, "CREATE, QUERY_INFO and CLOSE all answered");
        });
    }

    [Test]
    public async Task QueryPathInfo_OfADirectory_SaysItIsOne()
    {
        Directory.CreateDirectory(Path.Combine(Samba.SharePath("share"), "stat-dir"));

        var info = await _tree.QueryPathInfoAsync("stat-dir", CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(info.Standard.Directory, Is.True);
            Assert.That(info.Basic.FileAttributes & NtFileAttributes.Directory, Is.EqualTo(NtFileAttributes.Directory));
        });
    }

    [Test]
    public async Task QueryPathInfo_OfAMissingFile_FailsWithObjectNameNotFound_NamingThePath()
    {
        var error = await Assert.ThrowsAsync<SmbStatusException>(() => _tree.QueryPathInfoAsync("no-such-file", CancellationToken.None));

        Assert.Multiple(() =>
        {
            Assert.That(error!.Status, Is.EqualTo(NtStatus.ObjectNameNotFound));
            Assert.That(error.Message, Does.Contain(@"\\127.0.0.1\share\no-such-file"));
        });
    }
}
