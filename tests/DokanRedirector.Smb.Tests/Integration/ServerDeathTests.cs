using System.Diagnostics;
using DokanRedirector.Smb.Auth;
using DokanRedirector.Smb.Tests.Fixtures;

namespace DokanRedirector.Smb.Tests.Integration;

public class ServerDeathTests
{
    [Test]
    public async Task WhenTheServingSmbdDies_PendingAndLaterRequestsFailFast_WithATransientError()
    {
        await using var samba = await TestSamba.StartAsync();
        await using var connection = await SmbConnection.ConnectAsync(SambaServer.Host, samba.Port, null, CancellationToken.None);
        await using var session = await connection.SetupSessionAsync(new(SambaServer.User, "", SambaServer.Password), CancellationToken.None);
        await KillServingSmbdAsync(samba);
        var clock = Stopwatch.StartNew();
        var error = await Assert.ThrowsAsync(Is.InstanceOf<SmbException>(), () => connection.EchoAsync(CancellationToken.None));
        var later = await Assert.ThrowsAsync(Is.InstanceOf<SmbException>(), () => connection.EchoAsync(CancellationToken.None));

        Assert.Multiple(() =>
        {
            Assert.That(((SmbException)error!).IsTransient, Is.True, error.Message);
            Assert.That(later, Is.SameAs(connection.BreakReason));
            Assert.That(error.Message, Does.Contain("127.0.0.1:" + samba.Port.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(5)));
        });
    }

    [Test]
    public async Task AfterTheServingSmbdDies_TheClientReconnectsOnTheNextCall_AndTheShareViewWorksAgain()
    {
        await using var samba = await TestSamba.StartAsync();
        await using var client = new SmbClient(SambaServer.Host, samba.Port);
        await using var share = await client.ConnectShareAsync("share", new(SambaServer.User, "", SambaServer.Password), seal: false, CancellationToken.None);
        var before = await share.GetTreeAsync(CancellationToken.None);
        await KillServingSmbdAsync(samba);
        await Assert.ThatAsync(() => before.Session.Connection.EchoAsync(CancellationToken.None), Throws.InstanceOf<SmbException>());

        var after = await share.GetTreeAsync(CancellationToken.None);
        await after.Session.Connection.EchoAsync(CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(client.ConnectionCount, Is.EqualTo(2));
            Assert.That(after, Is.Not.SameAs(before));
            Assert.That(after.Session.Connection.IsBroken, Is.False);
            Assert.That(after.Session.IsSigned, Is.True);
        });
    }

    [Test]
    public async Task KillingTheServingSmbdMidRead_FailsTheReadWithAClearError_AndTheNextCallReconnects()
    {
        await using var samba = await TestSamba.StartAsync();
        var data = new byte[32 << 20];
        new Random(7).NextBytes(data);
        await File.WriteAllBytesAsync(Path.Combine(samba.SharePath("share"), "big.bin"), data);
        await using var client = new SmbClient(SambaServer.Host, samba.Port);
        await using var share = await client.ConnectShareAsync("share", new(SambaServer.User, "", SambaServer.Password), seal: false, CancellationToken.None);
        var file = await (await share.GetTreeAsync(CancellationToken.None)).CreateAsync("big.bin", new SmbCreateOptions(), CancellationToken.None);
        var firstRead = new TaskCompletionSource();

        // Reads the file over and over until the connection dies under it.
        var reading = Task.Run(async () =>
        {
            var buffer = new byte[data.Length];
            while (true)
            {
                await file.ReadAsync(buffer, 0, CancellationToken.None);
                firstRead.TrySetResult();
            }
        });
        await firstRead.Task;
        await KillServingSmbdAsync(samba);
        var error = await Assert.ThrowsAsync(Is.InstanceOf<SmbException>(), () => reading.WaitAsync(TimeSpan.FromSeconds(30)));

        var tree = await share.GetTreeAsync(CancellationToken.None);
        await using var again = await tree.CreateAsync("big.bin", new SmbCreateOptions(), CancellationToken.None);
        var back = new byte[data.Length];
        var read = await again.ReadAsync(back, 0, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(((SmbException)error!).IsTransient, Is.True, error.Message);
            Assert.That(error.Message, Does.Contain("Read").And.Contain("127.0.0.1"));
            Assert.That(client.ConnectionCount, Is.EqualTo(2));
            Assert.That(read, Is.EqualTo(data.Length));
            Assert.That(back.AsSpan().SequenceEqual(data), Is.True);
        });
    }

    [Test]
    public async Task TwoShareViewsOfOneAccount_ShareOneSession_AndTheLastOneLogsItOff()
    {
        await using var samba = await TestSamba.StartAsync();
        await using var client = new SmbClient(SambaServer.Host, samba.Port);
        var credential = new SmbCredential(SambaServer.User, "", SambaServer.Password);

        var first = await client.ConnectShareAsync("share", credential, seal: false, CancellationToken.None);
        var second = await client.ConnectShareAsync("readonly", credential, seal: false, CancellationToken.None);
        var a = await first.GetTreeAsync(CancellationToken.None);
        var b = await second.GetTreeAsync(CancellationToken.None);
        await first.DisposeAsync();
        await b.Session.Connection.EchoAsync(CancellationToken.None);
        var sessionAliveAfterFirst = !b.Session.IsClosed;
        await second.DisposeAsync();

        Assert.Multiple(() =>
        {
            Assert.That(b.Session, Is.SameAs(a.Session));
            Assert.That(client.ConnectionCount, Is.EqualTo(1));
            Assert.That(sessionAliveAfterFirst, Is.True);
            Assert.That(b.Session.IsClosed, Is.True);
        });
    }

    private static async Task KillServingSmbdAsync(SambaServer samba)
    {
        var pids = await samba.ServingPidsAsync();
        Assert.That(pids, Has.Count.EqualTo(1), "one smbd child serves our one connection");
        using var child = Process.GetProcessById(pids[0]);
        child.Kill();
        await child.WaitForExitAsync();
    }
}
