using DokanRedirector.Smb.Auth;
using DokanRedirector.Smb.Rpc;
using DokanRedirector.Smb.Tests.Fixtures;

namespace DokanRedirector.Smb.Tests.Integration;

public class ShareEnumTests
{
    private SambaServer _samba = null!;

    [OneTimeSetUp]
    public async Task StartSamba() => _samba = await TestSamba.StartAsync(new SambaServerOptions { EnableRpc = true });

    [OneTimeTearDown]
    public async Task StopSamba()
    {
        if (_samba is not null)
        {
            await _samba.DisposeAsync();
        }
    }

    [Test]
    public async Task ListShares_OverSrvsvc_ReturnsEveryDiskShare_AndIpcAsASpecialShare()
    {
        await using var client = new SmbClient(SambaServer.Host, _samba.Port);

        var shares = await client.ListSharesAsync(new SmbCredential(SambaServer.User, "", SambaServer.Password), CancellationToken.None);

        var disk = shares.Where(s => s.BaseType == SmbShareKind.Disk).Select(s => s.Name);
        var ipc = shares.Single(s => s.Name == "IPC$");
        Assert.Multiple(() =>
        {
            Assert.That(disk, Is.EquivalentTo(new[] { "share", "encrypted", "public", "readonly" }));
            Assert.That(ipc.BaseType, Is.EqualTo(SmbShareKind.Ipc));
            Assert.That(ipc.IsSpecial, Is.True);
        });
    }

    [Test]
    public async Task ListShares_MatchesWhatSmbclientLists()
    {
        await using var client = new SmbClient(SambaServer.Host, _samba.Port);

        var ours = await client.ListSharesAsync(new SmbCredential(SambaServer.User, "", SambaServer.Password), CancellationToken.None);
        var theirs = await _samba.ListSharesWithSmbClientAsync();

        Assert.That(ours.Select(s => s.Name), Is.EquivalentTo(theirs));
    }

    [Test]
    public async Task ListShares_WithAWrongPassword_FailsWithLogonFailure()
    {
        await using var client = new SmbClient(SambaServer.Host, _samba.Port);

        var error = await Assert.ThrowsAsync<SmbStatusException>(
            () => client.ListSharesAsync(new SmbCredential(SambaServer.User, "", "wrong"), CancellationToken.None));

        Assert.That(error!.Status, Is.EqualTo(NtStatus.LogonFailure));
    }
}
