using DokanRedirector.Smb.Tests.Fixtures;

namespace DokanRedirector.Smb.Tests.Transport;

public class ReceiveLoopTests
{
    [Test]
    public async Task ResponsesOutOfOrder_AfterAnInterimPending_EachCompleteTheirOwnRequest()
    {
        await using var server = new ScriptedSmbServer();
        await using var connection = await server.ConnectClientAsync(credits: 10);
        var first = connection.EchoAsync(CancellationToken.None);
        var second = connection.EchoAsync(CancellationToken.None);
        var a = await server.ReadMessageAsync();
        var b = await server.ReadMessageAsync();

        await server.SendAsync(ScriptedSmbServer.EchoResponse(a.MessageId, credits: 1, asyncId: 77, status: NtStatus.Pending));
        await server.SendAsync(ScriptedSmbServer.EchoResponse(b.MessageId));
        await second;
        Assert.That(first.IsCompleted, Is.False, "an interim response does not complete the request");
        await server.SendAsync(ScriptedSmbServer.EchoResponse(a.MessageId, credits: 0, asyncId: 77));
        await first;

        Assert.Multiple(() =>
        {
            Assert.That(connection.PendingCount, Is.Zero);
            Assert.That(connection.AvailableCredits, Is.EqualTo(10 - 2 + 1 + 1 + 0), "the interim response's grant counts too");
        });
    }

    [Test]
    public async Task ACompoundResponse_IsSplitByNextCommand_AndCompletesEveryElement()
    {
        await using var server = new ScriptedSmbServer();
        await using var connection = await server.ConnectClientAsync(credits: 10);
        var first = connection.EchoAsync(CancellationToken.None);
        var second = connection.EchoAsync(CancellationToken.None);
        var a = await server.ReadMessageAsync();
        var b = await server.ReadMessageAsync();

        await server.SendAsync(ScriptedSmbServer.Compound(ScriptedSmbServer.EchoResponse(b.MessageId), ScriptedSmbServer.EchoResponse(a.MessageId)));

        await Task.WhenAll(first, second);
        Assert.That(connection.IsBroken, Is.False);
    }

    [Test]
    public async Task ABadFrame_BreaksTheConnection_AndFailsThePendingRequestWithAProtocolError()
    {
        await using var server = new ScriptedSmbServer();
        await using var connection = await server.ConnectClientAsync(credits: 10);
        var echo = connection.EchoAsync(CancellationToken.None);
        await server.ReadMessageAsync();

        await server.SendRawAsync([0x05, 0x00, 0x00, 0x44]);

        var error = await Assert.ThrowsAsync<SmbException>(() => echo);
        Assert.Multiple(() =>
        {
            Assert.That(error!.InnerException, Is.InstanceOf<SmbProtocolException>());
            Assert.That(error.Message, Does.Contain("Echo").And.Contain("0x05"));
            Assert.That(connection.BreakReason, Is.InstanceOf<SmbProtocolException>());
        });
    }

    [Test]
    public async Task ACompoundWithAMisalignedNextCommand_BreaksTheConnection()
    {
        await using var server = new ScriptedSmbServer();
        await using var connection = await server.ConnectClientAsync(credits: 10);
        var echo = connection.EchoAsync(CancellationToken.None);
        var a = await server.ReadMessageAsync();
        var response = ScriptedSmbServer.EchoResponse(a.MessageId);
        response[20] = 66; // NextCommand: not a multiple of 8

        await server.SendAsync(response, new byte[8]);

        Assert.That(async () => await echo, Throws.InstanceOf<SmbException>().With.Message.Contains("NextCommand"));
    }

    [Test]
    public async Task ASilentServer_BreaksTheConnectionAfterTheRequestTimeout_NamingTheCommand()
    {
        await using var server = new ScriptedSmbServer();
        var options = new SmbClientOptions { RequestTimeout = TimeSpan.FromMilliseconds(300) };
        await using var connection = await server.ConnectClientAsync(credits: 10, options);

        var error = await Assert.ThrowsAsync<SmbException>(() => connection.EchoAsync(CancellationToken.None));

        Assert.Multiple(() =>
        {
            Assert.That(error!.Message, Does.Contain("Echo").And.Contain("no response"));
            Assert.That(error.IsTransient, Is.True);
        });
    }

    [Test]
    public async Task ACancelledRequest_StillReturnsItsCreditsWhenTheLateResponseArrives()
    {
        await using var server = new ScriptedSmbServer();
        await using var connection = await server.ConnectClientAsync(credits: 10);
        using var cts = new CancellationTokenSource();
        var echo = connection.EchoAsync(cts.Token);
        var a = await server.ReadMessageAsync();

        await cts.CancelAsync();
        Assert.That(async () => await echo, Throws.InstanceOf<OperationCanceledException>());
        await server.SendAsync(ScriptedSmbServer.EchoResponse(a.MessageId, credits: 5));
        for (var waited = 0; connection.PendingCount != 0 && waited < 2000; waited += 10)
        {
            await Task.Delay(10);
        }

        Assert.Multiple(() =>
        {
            Assert.That(connection.PendingCount, Is.Zero, "the late response removed the cancelled request");
            Assert.That(connection.AvailableCredits, Is.EqualTo(10 - 1 + 5));
        });
    }
}
