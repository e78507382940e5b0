using DokanRedirector.Smb.Crypto;
using DokanRedirector.Smb.Tests.Fixtures;

namespace DokanRedirector.Smb.Tests.Integration;

[TestFixture("SMB2_02", SmbDialect.Smb202)]
[TestFixture("SMB2_10", SmbDialect.Smb210)]
[TestFixture("SMB3_00", SmbDialect.Smb300)]
[TestFixture("SMB3_02", SmbDialect.Smb302)]
[TestFixture("SMB3_11", SmbDialect.Smb311)]
public class NegotiateTests(string protocol, SmbDialect dialect) : DialectFixture(protocol)
{
    [Test]
    public async Task Connect_NegotiatesTheOnlyDialectTheServerAllows()
    {
        await using var connection = await SmbConnection.ConnectAsync(SambaServer.Host, Samba.Port, null, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(connection.Dialect, Is.EqualTo(dialect));
            Assert.That(connection.ServerGuid, Is.Not.EqualTo(Guid.Empty));
            Assert.That(connection.ServerSecurityBuffer, Is.Not.Empty, "SPNEGO hints");
            Assert.That(connection.SigningAlgorithm, Is.EqualTo(dialect == SmbDialect.Smb311 ? SmbSigningAlgorithm.AesGmac : dialect.DefaultSigningAlgorithm()));
            Assert.That(connection.PreauthHash is not null, Is.EqualTo(dialect == SmbDialect.Smb311));
        });
    }

    [Test]
    public async Task Connect_ReportsSambasIoSizes_8MiB_Or64KiBWithoutMultiCredit()
    {
        await using var connection = await SmbConnection.ConnectAsync(SambaServer.Host, Samba.Port, null, CancellationToken.None);
        var expected = dialect == SmbDialect.Smb202 ? 65536 : 8 * 1024 * 1024;

        Assert.Multiple(() =>
        {
            Assert.That(connection.MaxReadSize, Is.EqualTo(expected));
            Assert.That(connection.MaxWriteSize, Is.EqualTo(expected));
            Assert.That(connection.MaxTransactSize, Is.EqualTo(expected));
        });
    }

    [Test]
    public async Task ManyConcurrentEchoes_AllComplete_AndTheCreditBalanceGrows()
    {
        await using var connection = await SmbConnection.ConnectAsync(SambaServer.Host, Samba.Port, null, CancellationToken.None);

        var echoes = new Task[200];
        for (var i = 0; i < echoes.Length; i++)
        {
            echoes[i] = connection.EchoAsync(CancellationToken.None);
        }
        await Task.WhenAll(echoes);

        Assert.Multiple(() =>
        {
            Assert.That(connection.AvailableCredits, Is.GreaterThan(100));
            Assert.That(connection.PendingCount, Is.Zero);
            Assert.That(connection.IsBroken, Is.False);
        });
    }
}
