using System.Diagnostics;
using DokanRedirector.Smb.Tests.Fixtures;

namespace DokanRedirector.Smb.Tests.Integration;

public class ServerDeathTests
{
    [Test]
    public async Task WhenTheServingSmbdDies_PendingAndLaterRequestsFailFast_WithATransientError()
    {
        await using var samba = await SambaServer.StartAsync();
        await using var connection = await SmbConnection.ConnectAsync(SambaServer.Host, samba.Port, null, CancellationToken.None);
        await using var session = await connection.SetupSessionAsync(new(SambaServer.User, "", SambaServer.Password), CancellationToken.None);
        var pids = await samba.ServingPidsAsync();
        Assert.That(pids, Has.Count.EqualTo(1), "one smbd child serves our one connection");

        using (var child = Process.GetProcessById(pids[0]))
        {
            child.Kill();
            await child.WaitForExitAsync();
        }
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
}
