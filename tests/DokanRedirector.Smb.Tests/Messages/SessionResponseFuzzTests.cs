using System.Buffers.Binary;
using DokanRedirector.Smb.Messages;
using DokanRedirector.Smb.Tests.Fixtures;

namespace DokanRedirector.Smb.Tests.Messages;

/// <summary>
/// The parsers a server reaches before any file is open (header, NEGOTIATE, SESSION_SETUP, TREE_CONNECT) and the
/// receive loop as a whole, fed mutated valid responses: a result or a protocol error, never a crash or a hang.
/// </summary>
public class SessionResponseFuzzTests
{
    [Test]
    public void NegotiateResponse_MutatedThousandsOfTimes_OnlyEverParsesOrRaisesAProtocolError()
    {
        const int runs = 5000;
        var outcome = Fuzz.Run(31, runs, [NegotiateTests.Response311(cipher: 2, signing: 2)], m => NegotiateResponse.Read(m));
        Fuzz.AssertBothOutcomes(outcome, runs);
    }

    [Test]
    public void SessionSetupResponse_MutatedThousandsOfTimes_OnlyEverParsesOrRaisesAProtocolError()
    {
        const int runs = 5000;
        var body = new byte[8 + 16];
        BinaryPrimitives.WriteUInt16LittleEndian(body, 9); // StructureSize
        BinaryPrimitives.WriteUInt16LittleEndian(body.AsSpan(4), SmbHeader.Size + 8); // SecurityBufferOffset
        BinaryPrimitives.WriteUInt16LittleEndian(body.AsSpan(6), 16); // SecurityBufferLength
        var seed = ScriptedSmbServer.Response(1, SmbCommand.SessionSetup, 1, body);
        var outcome = Fuzz.Run(32, runs, [seed], m => SessionSetupResponse.Read(m));
        Fuzz.AssertBothOutcomes(outcome, runs);
    }

    [Test]
    public void TreeConnectResponse_MutatedThousandsOfTimes_OnlyEverParsesOrRaisesAProtocolError()
    {
        const int runs = 5000;
        var body = new byte[16];
        BinaryPrimitives.WriteUInt16LittleEndian(body, 16);
        body[2] = 1; // ShareType disk
        var seed = ScriptedSmbServer.Response(1, SmbCommand.TreeConnect, 1, body);
        var outcome = Fuzz.Run(33, runs, [seed], m => TreeConnectResponse.Read(m));
        Fuzz.AssertBothOutcomes(outcome, runs);
    }

    [Test]
    public async Task TheReceiveLoop_FedHundredsOfMutatedFrames_EitherCompletesTheRequestOrFailsWithAProtocolError_NeverHangs()
    {
        const int runs = 300;
        var random = new Random(34);
        var options = new SmbClientOptions { RequestTimeout = TimeSpan.FromMilliseconds(300), KeepAliveInterval = Timeout.InfiniteTimeSpan };
        int completed = 0, broken = 0;
        for (var i = 0; i < runs; i++)
        {
            await using var server = new ScriptedSmbServer();
            await using var connection = await server.ConnectClientAsync(credits: 10, options);
            var echo = connection.EchoAsync(CancellationToken.None);
            var request = await server.ReadMessageAsync();
            var seed = ScriptedSmbServer.Compound(
                ScriptedSmbServer.EchoResponse(request.MessageId, credits: 3),
                ScriptedSmbServer.EchoResponse(ulong.MaxValue - 1));
            var frame = Auth.NtlmChallengeMessageTests.Mutate(seed, random);
            await server.SendAsync(frame);
            try
            {
                await echo.WaitAsync(TimeSpan.FromSeconds(10));
                completed++;
            }
            catch (SmbStatusException)
            {
                completed++; // a mutated status: the server said no, which is an answer
            }
            catch (SmbException e)
            {
                // Framing, header and credit damage break the connection; a damaged body fails just its request.
                Assert.That(connection.IsBroken || e is SmbProtocolException, Is.True, e.ToString());
                broken++;
            }
        }

        Assert.Multiple(() =>
        {
            Assert.That(completed + broken, Is.EqualTo(runs));
            Assert.That(completed, Is.GreaterThan(0));
            Assert.That(broken, Is.GreaterThan(0));
        });
    }
}
