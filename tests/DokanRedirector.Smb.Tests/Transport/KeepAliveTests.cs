using DokanRedirector.Smb.Messages;
using DokanRedirector.Smb.Tests.Fixtures;

namespace DokanRedirector.Smb.Tests.Transport;

public class KeepAliveTests
{
    [Test]
    public async Task AnIdleConnection_SendsAnEcho_AndStaysUsableWhenTheServerAnswers()
    {
        await using var server = new ScriptedSmbServer();
        var options = new SmbClientOptions { KeepAliveInterval = TimeSpan.FromMilliseconds(200) };
        await using var connection = await server.ConnectClientAsync(credits: 10, options);

        var echo = await server.ReadMessageAsync().WaitAsync(TimeSpan.FromSeconds(5));
        await server.SendAsync(ScriptedSmbServer.EchoResponse(echo.MessageId));

        Assert.Multiple(() =>
        {
            Assert.That(echo.Command, Is.EqualTo(SmbCommand.Echo));
            Assert.That(connection.KeepAlivesSent, Is.GreaterThanOrEqualTo(1));
            Assert.That(connection.IsBroken, Is.False);
        });
    }

    [Test]
    public async Task AnIdleConnectionToASilentServer_BreaksAfterTheKeepAliveGoesUnanswered()
    {
        await using var server = new ScriptedSmbServer();
        var options = new SmbClientOptions { KeepAliveInterval = TimeSpan.FromMilliseconds(200), RequestTimeout = TimeSpan.FromMilliseconds(300) };
        await using var connection = await server.ConnectClientAsync(credits: 10, options);

        await server.ReadMessageAsync().WaitAsync(TimeSpan.FromSeconds(5));
        await Eventually.HoldsAsync(() => connection.IsBroken, "the unanswered keep-alive to break the connection");

        Assert.That(connection.BreakReason?.Message, Does.Contain("Echo").And.Contain("no response"));
    }

    [Test]
    public async Task KeepAlive_CanBeTurnedOff()
    {
        await using var server = new ScriptedSmbServer();
        var options = new SmbClientOptions { KeepAliveInterval = Timeout.InfiniteTimeSpan };
        await using var connection = await server.ConnectClientAsync(credits: 10, options);

        await Task.Delay(1500);

        Assert.That(connection.KeepAlivesSent, Is.Zero);
    }
}
