using DokanRedirector.Smb.Messages;
using DokanRedirector.Smb.Tests.Fixtures;

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
        await WaitUntil(() => connection.AvailableCredits == 10, "the interim grant");

        await cts.CancelAsync();
        var cancel = await server.ReadMessageAsync();
        Assert.That(async () => await echo, Throws.InstanceOf<OperationCanceledException>());
        await server.SendAsync(ScriptedSmbServer.EchoResponse(request.MessageId, credits: 2, asyncId: 77, status: NtStatus.Cancelled));
        await WaitUntil(() => connection.PendingCount == 0, "the STATUS_CANCELLED response");

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

    private static async Task WaitUntil(Func<bool> condition, string what)
    {
        for (var waited = 0; !condition(); waited += 10)
        {
            if (waited > 5000)
            {
                Assert.Fail($"timed out waiting for {what}");
            }
            await Task.Delay(10);
        }
    }
}
