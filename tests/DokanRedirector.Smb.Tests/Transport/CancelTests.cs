using DokanRedirector.Smb.Messages;
using DokanRedirector.Smb.Tests.Crypto;
using DokanRedirector.Smb.Tests.Fixtures;
using DokanRedirector.Smb.Tests.Messages;

namespace DokanRedirector.Smb.Tests.Transport;

public class CancelTests
{
    [Test]
    public async Task CancellingAfterAnInterimResponse_SendsAnAsyncCancelNamingTheAsyncId_AndTheCancelledResponseReturnsCredits()
    {
        await using var server = new ScriptedSmbServer();
        await using var connection = await server.ConnectClientAsync(credits: 10);
        using var cts = new CancellationTokenSource();
        var echo = connection.EchoAsync(cts.Token);
        var request = await server.ReadMessageAsync();
        await server.SendAsync(ScriptedSmbServer.EchoResponse(request.MessageId, credits: 1, asyncId: 77, status: NtStatus.Pending));
        await Eventually.HoldsAsync(() => connection.AvailableCredits == 10, "the interim grant");

        await cts.CancelAsync();
        var cancel = await server.ReadMessageAsync();
        Assert.That(async () => await echo, Throws.InstanceOf<OperationCanceledException>());
        await server.SendAsync(ScriptedSmbServer.EchoResponse(request.MessageId, credits: 2, asyncId: 77, status: NtStatus.Cancelled));
        await Eventually.HoldsAsync(() => connection.PendingCount == 0, "the STATUS_CANCELLED response");

        Assert.Multiple(() =>
        {
            Assert.That(cancel.Command, Is.EqualTo(SmbCommand.Cancel));
            Assert.That(cancel.IsAsync, Is.True);
            Assert.That(cancel.AsyncId, Is.EqualTo(77));
            Assert.That(cancel.MessageId, Is.EqualTo(request.MessageId));
            Assert.That(cancel.CreditCharge, Is.Zero);
            Assert.That(cancel.Credits, Is.Zero, "CANCEL asks for no credits: it gets no response");
            Assert.That(connection.CancelsSent, Is.EqualTo(1));
            Assert.That(connection.AvailableCredits, Is.EqualTo(10 - 1 + 1 + 2));
            Assert.That(connection.IsBroken, Is.False);
        });
    }

    [Test]
    public async Task CancellingBeforeAnyInterimResponse_SendsASyncCancelNamingTheMessageId()
    {
        await using var server = new ScriptedSmbServer();
        await using var connection = await server.ConnectClientAsync(credits: 10);
        using var cts = new CancellationTokenSource();
        var echo = connection.EchoAsync(cts.Token);
        var request = await server.ReadMessageAsync();

        await cts.CancelAsync();
        var cancel = await server.ReadMessageAsync();

        Assert.That(async () => await echo, Throws.InstanceOf<OperationCanceledException>());
        Assert.Multiple(() =>
        {
            Assert.That(cancel.Command, Is.EqualTo(SmbCommand.Cancel));
            Assert.That(cancel.IsAsync, Is.False);
            Assert.That(cancel.MessageId, Is.EqualTo(request.MessageId));
        });
    }

    [Test]
    public async Task ACreateCancelledBeforeItsSuccessfulResponse_IsClosedWithItsFileId_OnTheSameTree()
    {
        await using var server = new ScriptedSmbServer();
        await using var connection = await server.ConnectClientAsync(credits: 10);
        using var cts = new CancellationTokenSource();
        var create = ScriptedSmbServer.Tree(connection).CreateAsync("late.txt", new SmbCreateOptions { OplockLevel = SmbOplockLevel.Batch }, cts.Token);
        var request = await server.ReadMessageAsync();

        await cts.CancelAsync();
        var cancel = await server.ReadMessageAsync();
        await server.SendAsync(FileMessages.CreateResponseGranting(request.MessageId, SmbOplockLevel.Batch));
        var close = await server.ReadFrameAsync();
        var header = SmbHeader.Read(close);

        Assert.That(async () => await create, Throws.InstanceOf<OperationCanceledException>());
        Assert.Multiple(() =>
        {
            Assert.That(cancel.Command, Is.EqualTo(SmbCommand.Cancel));
            Assert.That(header.Command, Is.EqualTo(SmbCommand.Close));
            Assert.That(header.TreeId, Is.EqualTo(ScriptedSmbServer.TreeId));
            Assert.That(header.SessionId, Is.EqualTo(ScriptedSmbServer.SessionId));
            Assert.That(TestHex.Of(close.AsSpan(SmbHeader.Size + 8)), Is.EqualTo(FileMessages.FileIdHex));
            Assert.That(connection.Opens.Count, Is.Zero, "the orphaned open's batch oplock is not kept");
        });
    }

    [Test]
    public async Task ACreateCancelledBeforeItFailed_SendsNoClose()
    {
        await using var server = new ScriptedSmbServer();
        await using var connection = await server.ConnectClientAsync(credits: 10);
        using var cts = new CancellationTokenSource();
        var create = ScriptedSmbServer.Tree(connection).CreateAsync("late.txt", new SmbCreateOptions(), cts.Token);
        var request = await server.ReadMessageAsync();

        await cts.CancelAsync();
        await server.ReadMessageAsync(); // CANCEL
        await server.SendAsync(ScriptedSmbServer.Response(request.MessageId, SmbCommand.Create, 1, [9, 0, 0, 0, 0, 0, 0, 0, 0], status: NtStatus.Cancelled));
        await Eventually.HoldsAsync(() => connection.PendingCount == 0, "the STATUS_CANCELLED response");
        var next = await server.NextCommandBeforeAnEchoAsync(connection);

        Assert.That(async () => await create, Throws.InstanceOf<OperationCanceledException>());
        Assert.That(next, Is.EqualTo(SmbCommand.Echo), "nothing was opened, so nothing is closed");
    }

    [Test]
    public async Task ARequestCancelledWhileWaitingForCredits_NeverReachesTheWire_AndSendsNoCancel()
    {
        await using var server = new ScriptedSmbServer();
        await using var connection = await server.ConnectClientAsync(credits: 1);
        var first = connection.EchoAsync(CancellationToken.None);
        var firstRequest = await server.ReadMessageAsync();
        using var cts = new CancellationTokenSource();
        var starved = connection.EchoAsync(cts.Token);

        await cts.CancelAsync();
        await server.SendAsync(ScriptedSmbServer.EchoResponse(firstRequest.MessageId, credits: 1));
        await first;

        Assert.That(async () => await starved, Throws.InstanceOf<OperationCanceledException>());
        Assert.Multiple(() =>
        {
            Assert.That(connection.CancelsSent, Is.Zero);
            Assert.That(connection.AvailableCredits, Is.EqualTo(1), "the credit was never spent");
        });
    }
}
