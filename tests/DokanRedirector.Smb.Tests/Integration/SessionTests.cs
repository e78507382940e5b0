using DokanRedirector.Smb.Auth;
using DokanRedirector.Smb.Crypto;
using DokanRedirector.Smb.Tests.Fixtures;

namespace DokanRedirector.Smb.Tests.Integration;

[TestFixture("SMB2_02", SmbDialect.Smb202)]
[TestFixture("SMB2_10", SmbDialect.Smb210)]
[TestFixture("SMB3_00", SmbDialect.Smb300)]
[TestFixture("SMB3_02", SmbDialect.Smb302)]
[TestFixture("SMB3_11", SmbDialect.Smb311)]
public class SessionTests(string protocol, SmbDialect dialect) : DialectFixture(protocol)
{
    private static readonly SmbCredential User = new(SambaServer.User, "", SambaServer.Password);

    [Test]
    public async Task Login_IsSigned_AndTreeConnectEchoDisconnectLogoffAllSucceed()
    {
        await using var connection = await Connect();

        var session = await connection.SetupSessionAsync(User, CancellationToken.None);
        var tree = await session.TreeConnectAsync("share", CancellationToken.None);
        await connection.EchoAsync(CancellationToken.None);
        await tree.DisconnectAsync(CancellationToken.None);
        await session.LogoffAsync(CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(connection.Dialect, Is.EqualTo(dialect));
            Assert.That(session.IsSigned, Is.True);
            Assert.That(session.IsGuest, Is.False);
            Assert.That(tree.TreeId, Is.Not.Zero);
            Assert.That(tree.ShareType, Is.EqualTo(DokanRedirector.Smb.Messages.SmbShareType.Disk));
            Assert.That(connection.IsBroken, Is.False, () => connection.BreakReason!.Message);
            Assert.That(
                connection.IsNegotiateValidated,
                Is.EqualTo(dialect is SmbDialect.Smb300 or SmbDialect.Smb302),
                "FSCTL_VALIDATE_NEGOTIATE_INFO runs on 3.0 and 3.0.2 only, and the server confirmed the negotiation");
        });
    }

    [Test]
    public async Task Login_WithAWrongPassword_FailsWithLogonFailure_InWordsAPersonUnderstands()
    {
        await using var connection = await Connect();

        var error = await Assert.ThrowsAsync<SmbStatusException>(
            () => connection.SetupSessionAsync(new SmbCredential(SambaServer.User, "", "wrong"), CancellationToken.None));

        Assert.Multiple(() =>
        {
            Assert.That(error!.Status, Is.EqualTo(NtStatus.LogonFailure));
            Assert.That(error.Message, Is.EqualTo(@"The user name or password is incorrect for \\127.0.0.1 (STATUS_LOGON_FAILURE)"));
            Assert.That(connection.IsBroken, Is.False, "a failed logon leaves the connection usable");
        });
    }

    [Test]
    public async Task TreeConnect_ToAnUnknownShare_FailsWithBadNetworkName_NamingTheShare()
    {
        await using var connection = await Connect();
        await using var session = await connection.SetupSessionAsync(User, CancellationToken.None);

        var error = await Assert.ThrowsAsync<SmbStatusException>(() => session.TreeConnectAsync("nosuchshare", CancellationToken.None));

        Assert.Multiple(() =>
        {
            Assert.That(error!.Status, Is.EqualTo(NtStatus.BadNetworkName));
            Assert.That(error.Message, Is.EqualTo(@"The share \\127.0.0.1\nosuchshare does not exist on \\127.0.0.1 (STATUS_BAD_NETWORK_NAME)"));
            Assert.That(connection.IsBroken, Is.False);
        });
    }

    [Test]
    public async Task GuestLogin_OnThePublicShare_IsAnUnsignedGuestSession()
    {
        await using var connection = await Connect();

        await using var session = await connection.SetupSessionAsync(SmbCredential.Guest("nobody-here"), CancellationToken.None);
        await using var tree = await session.TreeConnectAsync("public", CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(session.IsGuest, Is.True);
            Assert.That(session.IsSigned, Is.False);
        });
    }

    [Test]
    public async Task AfterLogin_ManyConcurrentSignedTreeRequests_Complete_AndCreditsGrowTowardTheTarget()
    {
        await using var connection = await Connect();
        await using var session = await connection.SetupSessionAsync(User, CancellationToken.None);

        var trees = new Task<SmbTree>[64];
        for (var i = 0; i < trees.Length; i++)
        {
            trees[i] = session.TreeConnectAsync("share", CancellationToken.None);
        }
        foreach (var tree in await Task.WhenAll(trees))
        {
            await tree.DisposeAsync();
        }

        Assert.Multiple(() =>
        {
            Assert.That(connection.AvailableCredits, Is.GreaterThanOrEqualTo(256));
            Assert.That(connection.IsBroken, Is.False, () => connection.BreakReason!.Message);
        });
    }

    private Task<SmbConnection> Connect() =>
        SmbConnection.ConnectAsync(SambaServer.Host, Samba.Port, null, CancellationToken.None);
}
