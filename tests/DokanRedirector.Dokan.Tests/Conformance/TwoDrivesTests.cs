using Microsoft.Extensions.Logging.Abstractions;

namespace DokanRedirector.Dokan.Tests.Conformance;

/// <summary>
/// Two drive letters on one server (issue 5: "two drive letters on the same server share one SrvCall"): each has
/// its own V_NET_ROOT and file system; a forced disconnect of one leaves the other working.
/// </summary>
public sealed class TwoDrivesTests : SambaFixture
{
    private const string SecondLocalName = "Y:";

    [Test]
    public async Task TwoDrivesOnOneServer_ShareOneSrvCall_AndForcingOneOffLeavesTheOtherWorking()
    {
        var connected = await Drive.Redirector.ConnectAsync(SecondLocalName, Drive.Connection.RemoteName,
            new UserCredentials(SambaServer.User, null, SambaServer.Password));
        Assert.That(connected.Status, Is.EqualTo(NtStatus.Success), "map Y: to the same share");
        var second = new DokanFileSystem(Drive.Redirector, connected.Value!, Drive.Timeout, NullLogger.Instance);
        var y = new IoManager(second);
        var name = Unique("both");
        var written = y.Open(name, NtCreateDisposition.Create);
        Assert.That(y.Write(written, "from Y:"u8.ToArray(), 0, out _), Is.EqualTo(NtStatus.Success));
        y.CloseHandle(written);

        var status = Drive.Redirector.GetStatus();
        var devices = status.SelectMany(s => s.NetRoots).SelectMany(n => n.VNetRoots).Select(v => v.Device);
        var readOnZ = Io.Open(name);
        var (readStatus, data) = Io.Read(readOnZ, 0, 64);

        var forced = await Drive.Redirector.DisconnectAsync(SambaDrive.LocalName, force: true);
        var afterForce = y.Open(name);
        var (againStatus, again) = y.Read(afterForce, 0, 64);
        y.CloseHandle(afterForce);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(status, Has.Count.EqualTo(1), "one SrvCall for the server");
            Assert.That(devices, Is.EquivalentTo(new[] { SambaDrive.LocalName, SecondLocalName }), "a V_NET_ROOT per drive");
            Assert.That(readStatus, Is.EqualTo(NtStatus.Success));
            Assert.That(data, Is.EqualTo("from Y:"u8.ToArray()), "Z: reads what Y: wrote");
            Assert.That(forced.Status, Is.EqualTo(NtStatus.Success));
            Assert.That(Io.Read(readOnZ, 0, 64).Status, Is.EqualTo(NtStatus.ConnectionDisconnected), "Z:'s handle is gone");
            Assert.That(againStatus, Is.EqualTo(NtStatus.Success), "Y: still works");
            Assert.That(again, Is.EqualTo("from Y:"u8.ToArray()));
            Assert.That(second.OpenHandleCount, Is.Zero);
        }
        await Drive.FileSystem.ReleaseHandlesAsync();
        await Drive.Redirector.DisconnectAsync(SecondLocalName, force: false);
    }
}
