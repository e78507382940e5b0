using System.Buffers.Binary;
using DokanRedirector.Smb.Crypto;
using DokanRedirector.Smb.Messages;
using DokanRedirector.Smb.Tests.Crypto;
using DokanRedirector.Smb.Tests.Fixtures;
using static DokanRedirector.Smb.Tests.Messages.FileMessages;

namespace DokanRedirector.Smb.Tests.Transport;

// MS-SMB2 3.2.5.19: oplock and lease break notifications, routed to their opens and acknowledged.
public class BreakTests
{
    private const SmbLeaseState R = SmbLeaseState.ReadCaching;
    private const SmbLeaseState RH = SmbLeaseState.ReadCaching | SmbLeaseState.HandleCaching;
    private const SmbLeaseState RWH = SmbLeaseState.ReadCaching | SmbLeaseState.WriteCaching | SmbLeaseState.HandleCaching;

    private static readonly SmbCreateOptions Batch = new() { OplockLevel = SmbOplockLevel.Batch };
    private static readonly SmbCreateOptions Leased = new() { Lease = new SmbLeaseRequest(Key, RWH) };

    [Test]
    public async Task AnOplockBreak_IsAcknowledgedOnce_OnTheOpensTree_WithTheNewLevelAndItsFileId()
    {
        await using var server = new ScriptedSmbServer();
        await using var connection = await server.ConnectClientAsync(credits: 10);
        var file = await server.OpenAsync(ScriptedSmbServer.Tree(connection), "batch.txt", Batch, SmbOplockLevel.Batch);

        await server.SendAsync(OplockBreakNotification(SmbOplockLevel.LevelII));
        var ack = await server.ReadFrameAsync();
        var header = SmbHeader.Read(ack);
        await server.SendAsync(ScriptedSmbServer.Response(header.MessageId, SmbCommand.OplockBreak, 1, ack[SmbHeader.Size..]));

        Assert.Multiple(() =>
        {
            Assert.That(header.Command, Is.EqualTo(SmbCommand.OplockBreak));
            Assert.That(header.TreeId, Is.EqualTo(ScriptedSmbServer.TreeId));
            Assert.That(header.SessionId, Is.EqualTo(ScriptedSmbServer.SessionId));
            // StructureSize 24, OplockLevel II, Reserved, Reserved2, FileId (2.2.24.1)
            Assert.That(TestHex.Of(ack.AsSpan(SmbHeader.Size)), Is.EqualTo("1800" + "01" + "00" + "00000000" + FileIdHex));
            Assert.That(file.OplockLevel, Is.EqualTo(SmbOplockLevel.LevelII));
            Assert.That(connection.BreaksReceived, Is.EqualTo(1));
        });
        await AssertNextRequestIsAnEcho(server, connection, "one acknowledgment, no more");
    }

    [Test]
    public async Task ABreakFromLevelII_LowersTheLevelToNone_WithoutAnAcknowledgment()
    {
        await using var server = new ScriptedSmbServer();
        await using var connection = await server.ConnectClientAsync(credits: 10);
        var file = await server.OpenAsync(ScriptedSmbServer.Tree(connection), "shared.txt", Batch, SmbOplockLevel.LevelII);

        await server.SendAsync(OplockBreakNotification(SmbOplockLevel.None));
        await Eventually.HoldsAsync(() => file.OplockLevel == SmbOplockLevel.None, "the break to none");

        await AssertNextRequestIsAnEcho(server, connection, "2.2.24.1: a break from level II is not acknowledged");
    }

    [Test]
    public async Task ALeaseBreak_RunsTheHandlerOfEveryOpenOfTheLease_ThenSendsOneAcknowledgmentWithTheNewState()
    {
        await using var server = new ScriptedSmbServer();
        await using var connection = await server.ConnectClientAsync(credits: 10, SmbDialect.Smb210, SmbCapabilities.Leasing);
        var tree = ScriptedSmbServer.Tree(connection);
        var first = await server.OpenAsync(tree, "leased.txt", Leased, SmbOplockLevel.Lease, RWH);
        var second = await server.OpenAsync(tree, "leased.txt", Leased, SmbOplockLevel.Lease, RWH);
        var seen = new List<(SmbFile File, SmbBreak Break)>();
        var flushed = 0;
        first.BreakHandler = async (broken, _) =>
        {
            await Task.Delay(50);
            lock (seen)
            {
                seen.Add((first, broken));
            }
            Interlocked.Increment(ref flushed);
        };
        second.BreakHandler = (broken, _) =>
        {
            lock (seen)
            {
                seen.Add((second, broken));
            }
            Interlocked.Increment(ref flushed);
            return Task.CompletedTask;
        };

        await server.SendAsync(LeaseBreakNotification(SmbLeaseBreakFlags.AckRequired, RWH, RH));
        var ack = await server.ReadFrameAsync();
        var flushedBeforeAck = Volatile.Read(ref flushed);
        var header = SmbHeader.Read(ack);
        await server.SendAsync(ScriptedSmbServer.Response(header.MessageId, SmbCommand.OplockBreak, 1, ack[SmbHeader.Size..]));

        var expected = new SmbBreak(RWH, RH, IsLease: true);
        Assert.Multiple(() =>
        {
            Assert.That(header.Command, Is.EqualTo(SmbCommand.OplockBreak));
            Assert.That(header.TreeId, Is.EqualTo(ScriptedSmbServer.TreeId));
            // StructureSize 36, Reserved, Flags, LeaseKey, LeaseState RH, LeaseDuration (2.2.24.2)
            Assert.That(TestHex.Of(ack.AsSpan(SmbHeader.Size)), Is.EqualTo("2400" + "0000" + "00000000" + KeyHex + "03000000" + "0000000000000000"));
            Assert.That(flushedBeforeAck, Is.EqualTo(2), "both handlers ran before the acknowledgment went out");
            Assert.That(seen, Is.EquivalentTo(new[] { (first, expected), (second, expected) }));
            Assert.That(expected.LosesWriteCaching && !expected.LosesReadCaching && !expected.LosesHandleCaching, Is.True);
            Assert.That(first.Lease!.Value.State, Is.EqualTo(RH));
            Assert.That(second.Lease!.Value.State, Is.EqualTo(RH));
            Assert.That(first.OplockLevel, Is.EqualTo(SmbOplockLevel.Lease));
        });
        await AssertNextRequestIsAnEcho(server, connection, "one acknowledgment speaks for the lease");
    }

    [Test]
    public async Task ALeaseBreakWithoutAckRequired_LowersTheStateOnly()
    {
        await using var server = new ScriptedSmbServer();
        await using var connection = await server.ConnectClientAsync(credits: 10, SmbDialect.Smb210, SmbCapabilities.Leasing);
        var file = await server.OpenAsync(ScriptedSmbServer.Tree(connection), "leased.txt", Leased, SmbOplockLevel.Lease, R);

        await server.SendAsync(LeaseBreakNotification(SmbLeaseBreakFlags.None, R, SmbLeaseState.None));
        await Eventually.HoldsAsync(() => file.Lease!.Value.State == SmbLeaseState.None, "the break to none");

        await AssertNextRequestIsAnEcho(server, connection, "no acknowledgment was asked for");
    }

    [Test]
    public async Task BreaksForAnUnknownFileIdOrLeaseKey_AreDropped()
    {
        await using var server = new ScriptedSmbServer();
        await using var connection = await server.ConnectClientAsync(credits: 10, SmbDialect.Smb210, SmbCapabilities.Leasing);
        var file = await server.OpenAsync(ScriptedSmbServer.Tree(connection), "batch.txt", Batch, SmbOplockLevel.Batch);

        await server.SendAsync(OplockBreakNotification(SmbOplockLevel.None, fileIdHex: new string('E', 32)));
        await server.SendAsync(LeaseBreakNotification(SmbLeaseBreakFlags.AckRequired, RWH, R));

        await AssertNextRequestIsAnEcho(server, connection, "nothing is acknowledged for opens this client does not have");
        Assert.Multiple(() =>
        {
            Assert.That(connection.BreaksReceived, Is.Zero);
            Assert.That(file.OplockLevel, Is.EqualTo(SmbOplockLevel.Batch));
        });
    }

    [Test]
    public async Task ABreakRightBehindTheCreateResponse_FindsTheNewOpen()
    {
        await using var server = new ScriptedSmbServer();
        await using var connection = await server.ConnectClientAsync(credits: 10);
        var opening = ScriptedSmbServer.Tree(connection).CreateAsync("contended.txt", Batch, CancellationToken.None);
        var create = await server.ReadMessageAsync();

        // Two frames in one write: the receive loop reads the break before the caller of CreateAsync has resumed.
        await server.SendRawAsync([
            .. ScriptedSmbServer.Frame(CreateResponseGranting(create.MessageId, SmbOplockLevel.Batch)),
            .. ScriptedSmbServer.Frame(OplockBreakNotification(SmbOplockLevel.None))]);
        var ack = await server.ReadMessageAsync();
        var file = await opening;

        Assert.Multiple(() =>
        {
            Assert.That(ack.Command, Is.EqualTo(SmbCommand.OplockBreak));
            Assert.That(file.OplockLevel, Is.EqualTo(SmbOplockLevel.None));
        });
    }

    [Test]
    public async Task AFailingBreakHandler_DoesNotHoldTheAcknowledgmentUp()
    {
        await using var server = new ScriptedSmbServer();
        await using var connection = await server.ConnectClientAsync(credits: 10);
        var file = await server.OpenAsync(ScriptedSmbServer.Tree(connection), "batch.txt", Batch, SmbOplockLevel.Batch);
        file.BreakHandler = (_, _) => throw new InvalidOperationException("the cache could not flush");

        await server.SendAsync(OplockBreakNotification(SmbOplockLevel.None));
        var ack = await server.ReadFrameAsync();

        Assert.Multiple(() =>
        {
            Assert.That(SmbHeader.Read(ack).Command, Is.EqualTo(SmbCommand.OplockBreak));
            Assert.That(ack[SmbHeader.Size + 2], Is.EqualTo((byte)SmbOplockLevel.None));
            Assert.That(connection.IsBroken, Is.False);
        });
    }

    [Test]
    public async Task ClosingAnOpen_Unregisters_SoALaterBreakForItIsDropped()
    {
        await using var server = new ScriptedSmbServer();
        await using var connection = await server.ConnectClientAsync(credits: 10);
        var file = await server.OpenAsync(ScriptedSmbServer.Tree(connection), "batch.txt", Batch, SmbOplockLevel.Batch);
        var registered = connection.Opens.Count;

        var closing = file.CloseAsync(postQueryAttributes: false, CancellationToken.None);
        var close = await server.ReadMessageAsync();
        await server.SendAsync(ScriptedSmbServer.Response(close.MessageId, SmbCommand.Close, 1, CloseResponseBody()));
        await closing;
        await server.SendAsync(OplockBreakNotification(SmbOplockLevel.None));

        await AssertNextRequestIsAnEcho(server, connection, "the closed open's break is dropped");
        Assert.Multiple(() =>
        {
            Assert.That(registered, Is.EqualTo(1));
            Assert.That(connection.Opens.Count, Is.Zero);
            Assert.That(connection.BreaksReceived, Is.Zero);
        });
    }

    [Test]
    public async Task ABrokenConnection_ForgetsItsOpens_AndCancelsTheHandlersToken()
    {
        await using var server = new ScriptedSmbServer();
        var connection = await server.ConnectClientAsync(credits: 10, SmbDialect.Smb210, SmbCapabilities.Leasing);
        var tree = ScriptedSmbServer.Tree(connection);
        await server.OpenAsync(tree, "batch.txt", Batch, SmbOplockLevel.Batch);
        await server.OpenAsync(tree, "leased.txt", Leased, SmbOplockLevel.Lease, RWH);
        var registered = connection.Opens.Count;
        var token = connection.BrokenToken;

        await connection.DisposeAsync();

        Assert.Multiple(() =>
        {
            Assert.That(registered, Is.EqualTo(2));
            Assert.That(connection.Opens.Count, Is.Zero);
            Assert.That(token.IsCancellationRequested, Is.True);
        });
    }

    [TestCase("1E00 01 00 00000000" + FileIdHex, "StructureSize 30", TestName = "ABreakWithAnUnknownStructureSize_BreaksTheConnection")]
    [TestCase("2C00 0000 01000000" + KeyHex, "lease break notification", TestName = "ATruncatedLeaseBreak_BreaksTheConnection")]
    [TestCase("18", "no body", TestName = "ABreakWithoutABody_BreaksTheConnection")]
    public async Task AMalformedBreakNotification_BreaksTheConnectionWithAProtocolError(string bodyHex, string message)
    {
        await using var server = new ScriptedSmbServer();
        await using var connection = await server.ConnectClientAsync(credits: 10);

        await server.SendAsync(ScriptedSmbServer.Response(SmbHeader.UnsolicitedMessageId, SmbCommand.OplockBreak, 0, TestHex.Parse(bodyHex)));
        await Eventually.HoldsAsync(() => connection.IsBroken, "the connection to break");

        Assert.That(connection.BreakReason, Is.InstanceOf<SmbProtocolException>().With.Message.Contains(message));
    }

    [Test]
    public async Task AnUnsolicitedMessageOtherThanAnOplockBreak_IsDropped()
    {
        await using var server = new ScriptedSmbServer();
        await using var connection = await server.ConnectClientAsync(credits: 10);

        await server.SendAsync(ScriptedSmbServer.EchoResponse(SmbHeader.UnsolicitedMessageId, credits: 0));

        await AssertNextRequestIsAnEcho(server, connection, "3.2.5.1.2: discarded as invalid");
    }

    // Exactly what the test expects was sent: the next request on the wire is a fresh ECHO, not a stray acknowledgment.
    private static async Task AssertNextRequestIsAnEcho(ScriptedSmbServer server, SmbConnection connection, string because)
    {
        var next = await server.NextCommandBeforeAnEchoAsync(connection);
        Assert.Multiple(() =>
        {
            Assert.That(next, Is.EqualTo(SmbCommand.Echo), because);
            Assert.That(connection.IsBroken, Is.False);
        });
    }

    private static byte[] OplockBreakNotification(SmbOplockLevel level, string fileIdHex = FileIdHex) =>
        ScriptedSmbServer.Response(SmbHeader.UnsolicitedMessageId, SmbCommand.OplockBreak, 0, TestHex.Parse($"1800 {(byte)level:X2} 00 00000000 {fileIdHex}"));

    // StructureSize 44, NewEpoch, Flags, LeaseKey, CurrentLeaseState, NewLeaseState, BreakReason, AccessMaskHint, ShareMaskHint
    private static byte[] LeaseBreakNotification(SmbLeaseBreakFlags flags, SmbLeaseState from, SmbLeaseState to) =>
        ScriptedSmbServer.Response(SmbHeader.UnsolicitedMessageId, SmbCommand.OplockBreak, 0,
            TestHex.Parse($"2C00 0000 {Hex((uint)flags)} {KeyHex} {Hex((uint)from)} {Hex((uint)to)} 00000000 00000000 00000000"));

    // StructureSize 60, Flags, Reserved, then the 52 zero bytes of attributes not asked for.
    private static byte[] CloseResponseBody()
    {
        var body = new byte[60];
        BinaryPrimitives.WriteUInt16LittleEndian(body, 60);
        return body;
    }

    private static string Hex(uint value)
    {
        Span<byte> bytes = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(bytes, value);
        return TestHex.Of(bytes);
    }
}
