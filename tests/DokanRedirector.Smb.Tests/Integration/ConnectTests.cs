using System.Net;
using System.Net.Sockets;
using DokanRedirector.Smb.Crypto;
using DokanRedirector.Smb.Tests.Fixtures;

namespace DokanRedirector.Smb.Tests.Integration;

public class ConnectTests
{
    [Test]
    public async Task Connect_ToAClosedPort_FailsWithAClearTransientError_NamingHostAndPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();

        var error = await Assert.ThrowsAsync<SmbException>(() => SmbConnection.ConnectAsync("127.0.0.1", port, null, CancellationToken.None));

        Assert.Multiple(() =>
        {
            Assert.That(error!.Message, Does.Contain($"127.0.0.1:{port}").And.Contain("refused"));
            Assert.That(error.IsTransient, Is.True);
        });
    }

    [Test]
    public async Task Connect_WithTheFullRange_PicksSmb311_AndAnAesGcmCipher()
    {
        await using var samba = await TestSamba.StartAsync();

        await using var connection = await SmbConnection.ConnectAsync(SambaServer.Host, samba.Port, null, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(connection.Dialect, Is.EqualTo(SmbDialect.Smb311));
            Assert.That(connection.Cipher, Is.EqualTo(SmbCipher.Aes128Gcm));
        });
    }

    [Test]
    public async Task Connect_WithAMaxDialect_NegotiatesNoHigher()
    {
        await using var samba = await TestSamba.StartAsync();
        var options = new SmbClientOptions { MaxDialect = SmbDialect.Smb302 };

        await using var connection = await SmbConnection.ConnectAsync(SambaServer.Host, samba.Port, options, CancellationToken.None);

        Assert.That(connection.Dialect, Is.EqualTo(SmbDialect.Smb302));
    }

    [Test]
    public async Task Connect_WhenTheServerAllowsNoOfferedDialect_FailsWithTheStatus()
    {
        await using var samba = await TestSamba.StartAsync(new SambaServerOptions { MinProtocol = "SMB3_00" });
        var options = new SmbClientOptions { MaxDialect = SmbDialect.Smb210 };

        var error = await Assert.ThrowsAsync(Is.InstanceOf<Exception>(), () => SmbConnection.ConnectAsync(SambaServer.Host, samba.Port, options, CancellationToken.None));

        Assert.That(error!.Message, Does.Contain(samba.Port.ToString(System.Globalization.CultureInfo.InvariantCulture)).Or.Contain("127.0.0.1"));
    }
}
