using System.Text;
using DokanRedirector.Smb.Auth;
using DokanRedirector.Smb.Crypto;

namespace DokanRedirector.Smb.Tests.Integration;

/// <summary>Every dialect against a server that requires signing and one that does not: we sign and verify either way.</summary>
[TestFixture("SMB2_02", "mandatory", SmbSigningAlgorithm.HmacSha256)]
[TestFixture("SMB2_02", "disabled", SmbSigningAlgorithm.HmacSha256)]
[TestFixture("SMB2_10", "mandatory", SmbSigningAlgorithm.HmacSha256)]
[TestFixture("SMB2_10", "disabled", SmbSigningAlgorithm.HmacSha256)]
[TestFixture("SMB3_00", "mandatory", SmbSigningAlgorithm.AesCmac)]
[TestFixture("SMB3_00", "disabled", SmbSigningAlgorithm.AesCmac)]
[TestFixture("SMB3_02", "mandatory", SmbSigningAlgorithm.AesCmac)]
[TestFixture("SMB3_02", "disabled", SmbSigningAlgorithm.AesCmac)]
[TestFixture("SMB3_11", "mandatory", SmbSigningAlgorithm.AesGmac)]
[TestFixture("SMB3_11", "disabled", SmbSigningAlgorithm.AesGmac)]
public class SigningMatrixTests(string protocol, string serverSigning, SmbSigningAlgorithm algorithm)
{
    private SambaServer _samba = null!;

    [OneTimeSetUp]
    public async Task StartSamba() =>
        _samba = await TestSamba.StartAsync(SambaServerOptions.ForDialect(protocol) with { Signing = serverSigning });

    [OneTimeTearDown]
    public async Task StopSamba()
    {
        if (_samba is not null)
        {
            await _samba.DisposeAsync();
        }
    }

    [Test]
    public async Task ASignedSession_WritesAFileThatSmbclientReadsBack_WithEveryResponseVerified()
    {
        await using var connection = await SmbConnection.ConnectAsync(SambaServer.Host, _samba.Port, new SmbClientOptions { RequireSigning = true }, CancellationToken.None);
        await using var session = await connection.SetupSessionAsync(new SmbCredential(SambaServer.User, "", SambaServer.Password), CancellationToken.None);
        await using var tree = await session.TreeConnectAsync("share", CancellationToken.None);
        var name = $"signed-{protocol}-{serverSigning}.txt";
        var data = Encoding.UTF8.GetBytes($"signed with {algorithm} on {protocol}, server signing {serverSigning}\n");

        await using (var file = await tree.CreateAsync(name, new SmbCreateOptions
        {
            Disposition = NtCreateDisposition.OverwriteIf,
            DesiredAccess = NtAccessMask.GenericWrite,
        }, CancellationToken.None))
        {
            await file.WriteAsync(data, 0, CancellationToken.None);
        }
        var local = Path.Combine(Path.GetTempPath(), $"{Guid.NewGuid():N}.txt");
        var get = await _samba.SmbClientAsync("share", $"get {name} {local}");

        Assert.Multiple(() =>
        {
            Assert.That(session.IsSigned, Is.True);
            Assert.That(connection.SigningAlgorithm, Is.EqualTo(algorithm));
            Assert.That(get.ExitCode, Is.Zero, get.Output);
            Assert.That(File.ReadAllBytes(local), Is.EqualTo(data));
            Assert.That(connection.IsBroken, Is.False, () => connection.BreakReason!.Message);
        });
        File.Delete(local);
    }
}
