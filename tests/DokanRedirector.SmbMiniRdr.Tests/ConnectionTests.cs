using System.Net;
using System.Net.Sockets;
using DokanRedirector.Rdbss.Structures;

namespace DokanRedirector.SmbMiniRdr.Tests;

/// <summary>SrvCall / NetRoot / VNetRoot over real SMB: sharing, failures, disconnects and finalization.</summary>
public sealed class ConnectionTests
{
    private SambaServer _samba = null!;

    [OneTimeSetUp]
    public async Task StartSamba() => _samba = await TestSamba.StartAsync(new SambaServerOptions { EnableRpc = true });

    [OneTimeTearDown]
    public async Task StopSamba() => await _samba.DisposeAsync();

    private static string Local() => $"/mnt/test-{Guid.NewGuid():N}";

    [Test]
    public async Task TwoConnections_ToOneServer_ShareOneSrvCall_AndOneTcpConnection()
    {
        await using var rdr = new SambaRedirector(_samba);
        await rdr.ConnectAsync(Local(), @"\\127.0.0.1\share");
        await rdr.ConnectAsync(Local(), @"\\127.0.0.1\public");
        var status = rdr.Redirector.GetStatus();
        Assert.That(status, Has.Count.EqualTo(1), "one SrvCall");
        Assert.That(status[0].NetRoots, Has.Count.EqualTo(2));
        Assert.That(await _samba.ServingPidsAsync(), Has.Count.EqualTo(1), "smbstatus: one smbd serves one TCP connection");
    }

    [Test]
    public async Task Connect_WithAWrongPassword_FailsWithLogonFailure()
    {
        await using var rdr = new SambaRedirector(_samba);
        var result = await rdr.Redirector.ConnectAsync(Local(), UncName.Parse(@"\\127.0.0.1\share"),
            new UserCredentials(SambaServer.User, null, "wrong"));
        Assert.That(result.Status, Is.EqualTo(NtStatus.LogonFailure));
    }

    [Test]
    public async Task Connect_ToAnUnknownShare_FailsWithBadNetworkName()
    {
        await using var rdr = new SambaRedirector(_samba);
        var result = await rdr.Redirector.ConnectAsync(Local(), UncName.Parse(@"\\127.0.0.1\nosuchshare"), SambaRedirector.Credentials);
        Assert.That(result.Status, Is.EqualTo(NtStatus.BadNetworkName));
    }

    [Test]
    public async Task Connect_ToAPortNobodyListensOn_FailsWithConnectionRefused_AndIsNegativelyCached()
    {
        await using var rdr = new SambaRedirector(_samba, new SmbServerSettings(FreePort()));
        var first = await rdr.Redirector.ConnectAsync(Local(), UncName.Parse(@"\\127.0.0.1\share"), SambaRedirector.Credentials);
        var again = await rdr.Redirector.QueryPathInformationAsync(SambaRedirector.Unc("f"));
        Assert.Multiple(() =>
        {
            Assert.That(first.Status, Is.EqualTo(NtStatus.ConnectionRefused));
            Assert.That(again.Status, Is.EqualTo(NtStatus.ConnectionRefused));
        });
    }

    [Test]
    public async Task SubPathConnection_ResolvesBelowItsFolder()
    {
        var sub = $"sub-{Guid.NewGuid():N}";
        Directory.CreateDirectory(Path.Combine(_samba.SharePath("share"), sub));
        await using var rdr = new SambaRedirector(_samba);
        var connection = await rdr.ConnectAsync(Local(), $@"\\127.0.0.1\share\{sub}");
        var handle = await rdr.OpenAsync(connection.Resolve("inside.txt"));
        await rdr.Redirector.WriteAsync(handle, 0, "hi"u8.ToArray());
        await rdr.Redirector.CloseAsync(handle);
        Assert.That(File.ReadAllText(Path.Combine(_samba.SharePath("share"), sub, "inside.txt")), Is.EqualTo("hi"));
    }

    [Test]
    public async Task EnumerateShares_ListsTheServersShares_LikeSmbclient()
    {
        await using var rdr = new SambaRedirector(_samba);
        var shares = await rdr.Redirector.EnumerateSharesAsync(SambaServer.Host);
        Assert.That(shares.Status, Is.EqualTo(NtStatus.Success));
        Assert.Multiple(async () =>
        {
            Assert.That(shares.Value!.Select(s => s.Name), Is.EquivalentTo(await _samba.ListSharesWithSmbClientAsync()));
            Assert.That(shares.Value!.Single(s => s.Name == "share").Type, Is.EqualTo(NetShareType.Disk));
            Assert.That(shares.Value!.Single(s => s.Name == "IPC$").IsSpecial, Is.True);
        });
    }

    [Test]
    public async Task NormalDisconnect_WithAnOpenFile_IsRefused_AndNamesIt()
    {
        await using var rdr = new SambaRedirector(_samba);
        var local = Local();
        var connection = await rdr.ConnectAsync(local, @"\\127.0.0.1\share");
        var handle = (await rdr.Redirector.CreateAsync(connection.Resolve($"held-{Guid.NewGuid():N}"), SambaRedirector.ReadWriteOpenIf, processId: 4242)).Value.Handle;
        var refused = await rdr.Redirector.DisconnectAsync(local, force: false);
        await rdr.Redirector.CloseAsync(handle);
        var done = await rdr.Redirector.DisconnectAsync(local, force: false);
        Assert.Multiple(() =>
        {
            Assert.That(refused.Status, Is.EqualTo(NtStatus.FilesOpen));
            Assert.That(refused.Value!.Single().ProcessId, Is.EqualTo(4242));
            Assert.That(refused.Value!.Single().Name, Does.StartWith(@"\\127.0.0.1\share\held-"));
            Assert.That(done.Status, Is.EqualTo(NtStatus.Success));
        });
    }

    [Test]
    public async Task ForcedDisconnect_ClosesOpenHandlesOnTheServer_KeepsAcknowledgedWrites_AndLaterOpsFailDisconnected()
    {
        await using var rdr = new SambaRedirector(_samba);
        var local = Local();
        var name = $"forced-{Guid.NewGuid():N}";
        var connection = await rdr.ConnectAsync(local, @"\\127.0.0.1\share");
        var handle = await rdr.OpenAsync(connection.Resolve(name));
        Assert.That((await rdr.Redirector.WriteAsync(handle, 0, "kept"u8.ToArray())).IsSuccess, Is.True);

        var forced = await rdr.Redirector.DisconnectAsync(local, force: true);
        var write = await rdr.Redirector.WriteAsync(handle, 4, "lost"u8.ToArray());
        Assert.Multiple(async () =>
        {
            Assert.That(forced.Status, Is.EqualTo(NtStatus.Success));
            Assert.That(forced.Value!.Select(f => f.Handle), Is.EqualTo(new[] { handle }));
            Assert.That(write.Status, Is.EqualTo(NtStatus.ConnectionDisconnected));
            Assert.That(File.ReadAllText(Path.Combine(_samba.SharePath("share"), name)), Is.EqualTo("kept"));
            Assert.That((await _samba.SmbStatusAsync("-L")).Output, Does.Not.Contain(name), "smbstatus: no open file left");
        });
        Assert.That(await rdr.Redirector.CloseAsync(handle), Is.EqualTo(NtStatus.Success), "the orphaned handle still closes");
    }

    [Test]
    public async Task Finalization_DisconnectsTheTree_LogsOff_AndClosesTheConnection()
    {
        await using var rdr = new SambaRedirector(_samba, scavengerDelay: TimeSpan.Zero);
        var local = Local();
        await rdr.ConnectAsync(local, @"\\127.0.0.1\share");
        Assert.That(await _samba.ServingPidsAsync(), Has.Count.EqualTo(1));
        await rdr.Redirector.DisconnectAsync(local, force: false);
        await rdr.Redirector.ScavengeAsync();
        await rdr.Redirector.ScavengeAsync();
        Assert.That(rdr.Redirector.GetStatus(), Is.Empty, "every structure finalized");
        var deadline = DateTime.UtcNow.AddSeconds(5);
        while ((await _samba.ServingPidsAsync()).Count > 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }
        Assert.That(await _samba.ServingPidsAsync(), Is.Empty, "the server saw the connection close");
    }

    [Test]
    public async Task ServerKilledWhileConnected_FailsTheOpenHandle_ThenReconnectsForNewOpens()
    {
        await using var rdr = new SambaRedirector(_samba);
        var connection = await rdr.ConnectAsync(Local(), @"\\127.0.0.1\share");
        var name = $"killed-{Guid.NewGuid():N}";
        var handle = await rdr.OpenAsync(connection.Resolve(name));
        foreach (var pid in await _samba.ServingPidsAsync())
        {
            System.Diagnostics.Process.GetProcessById(pid).Kill();
        }
        var read = await rdr.Redirector.ReadAsync(handle, 0, new byte[10]);
        var reopened = await rdr.Redirector.QueryPathInformationAsync(connection.Resolve(name));
        await rdr.Redirector.CloseAsync(handle);
        Assert.Multiple(() =>
        {
            Assert.That(read.Status, Is.EqualTo(NtStatus.ConnectionDisconnected));
            Assert.That(reopened.Status, Is.EqualTo(NtStatus.Success));
            Assert.That(rdr.Redirector.GetStatus().Single().Condition, Is.EqualTo(Condition.Good));
        });
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
