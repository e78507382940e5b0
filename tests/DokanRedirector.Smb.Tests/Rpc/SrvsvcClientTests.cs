using DokanRedirector.Smb.Rpc;

namespace DokanRedirector.Smb.Tests.Rpc;

public class SrvsvcClientTests
{
    [Test]
    public async Task NetShareEnum_BindsThenCallsOpnum15_AndReturnsTheShares()
    {
        var pipe = new FakePipe(SambaSrvsvcCapture.BindAck, SambaSrvsvcCapture.Response);

        var shares = await pipe.Client.NetShareEnumAsync("127.0.0.1", CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(shares.Select(s => s.Name), Is.EqualTo(new[] { "data", "public", "IPC$" }));
            Assert.That(pipe.Sent[0], Is.EqualTo(SambaSrvsvcCapture.Bind));
            Assert.That(pipe.Sent[1], Is.EqualTo(RpcRequest.Encode(2, 15, NetrShareEnum.EncodeRequest(@"\\127.0.0.1"))));
        });
    }

    [Test]
    public async Task NetShareEnum_BindsOnce_ForTwoCalls()
    {
        var pipe = new FakePipe(SambaSrvsvcCapture.BindAck, SambaSrvsvcCapture.Response, RpcPdus.Response(3, true, true, SambaSrvsvcCapture.ResponseStub));

        await pipe.Client.NetShareEnumAsync("srv", CancellationToken.None);
        var again = await pipe.Client.NetShareEnumAsync("srv", CancellationToken.None);

        Assert.That(again, Has.Count.EqualTo(3));
        Assert.That(pipe.Sent, Has.Count.EqualTo(3), "bind, request, request");
    }

    [Test]
    public async Task NetShareEnum_ReassemblesFragments_SplitAcrossPipeReadsAnywhere()
    {
        var stream = RpcPdus.Fragmented(2, SambaSrvsvcCapture.ResponseStub, size: 64);
        var pipe = new FakePipe(SambaSrvsvcCapture.BindAck, stream[..50]);
        for (var offset = 50; offset < stream.Length; offset += 37)
        {
            pipe.Reads.Enqueue(stream[offset..Math.Min(offset + 37, stream.Length)]);
        }

        var shares = await pipe.Client.NetShareEnumAsync("srv", CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(stream.Length, Is.EqualTo(SambaSrvsvcCapture.ResponseStub.Length + (5 * 24)), "five fragments");
            Assert.That(shares, Is.EqualTo(NetrShareEnum.DecodeResponse(SambaSrvsvcCapture.ResponseStub).Shares));
            Assert.That(pipe.Reads, Is.Empty, "every fragment was read");
        });
    }

    [Test]
    public void NetShareEnum_Fault_IsAClearRpcError_AndThePipeStaysUsable()
    {
        var pipe = new FakePipe(SambaSrvsvcCapture.BindAck, RpcPdus.Fault(2, 0x1C010002), RpcPdus.Response(3, true, true, SambaSrvsvcCapture.ResponseStub));

        Assert.That(() => pipe.Client.NetShareEnumAsync("srv", CancellationToken.None), Throws.TypeOf<SmbRpcException>()
            .With.Message.Contains("operation number out of range").And.Property(nameof(SmbRpcException.Status)).EqualTo(0x1C010002));
        Assert.That(async () => await pipe.Client.NetShareEnumAsync("srv", CancellationToken.None), Has.Count.EqualTo(3));
    }

    [Test]
    public void NetShareEnum_WerrorFromTheServer_IsAClearRpcError()
    {
        var denied = new NdrBuilder().UInt32(1).UInt32(1).UInt32(0).UInt32(0).UInt32(0).UInt32(5).ToArray();
        var pipe = new FakePipe(SambaSrvsvcCapture.BindAck, RpcPdus.Response(2, true, true, denied));

        Assert.That(() => pipe.Client.NetShareEnumAsync("srv", CancellationToken.None), Throws.TypeOf<SmbRpcException>()
            .With.Message.Contains("access denied").And.Property(nameof(SmbRpcException.Status)).EqualTo(5));
    }

    [Test]
    public void NetShareEnum_RejectedBind_IsAClearRpcError()
    {
        var pipe = new FakePipe(RpcPdus.BindNak(1, 0));

        Assert.That(() => pipe.Client.NetShareEnumAsync("srv", CancellationToken.None), Throws.TypeOf<SmbRpcException>()
            .With.Message.Contains("refused the RPC bind"));
    }

    [Test]
    public void NetShareEnum_PipeEndingMidPdu_IsAProtocolError_AndTheClientRefusesFurtherCalls()
    {
        var pipe = new FakePipe(SambaSrvsvcCapture.BindAck, SambaSrvsvcCapture.Response[..100]);
        pipe.Reads.Enqueue([]);

        Assert.That(() => pipe.Client.NetShareEnumAsync("srv", CancellationToken.None), Throws.TypeOf<SmbProtocolException>()
            .With.Message.Contains("no data"));
        Assert.That(() => pipe.Client.NetShareEnumAsync("srv", CancellationToken.None), Throws.InvalidOperationException);
    }

    [TestCase(3u, true, true, "call 3", TestName = "NetShareEnum_ResponseToAnotherCall_IsAProtocolError")]
    [TestCase(2u, false, true, "PFC_FIRST_FRAG", TestName = "NetShareEnum_FirstFragmentWithoutTheFirstFlag_IsAProtocolError")]
    public void BadResponse(uint callId, bool first, bool last, string message)
    {
        var pipe = new FakePipe(SambaSrvsvcCapture.BindAck, RpcPdus.Response(callId, first, last, SambaSrvsvcCapture.ResponseStub));

        Assert.That(() => pipe.Client.NetShareEnumAsync("srv", CancellationToken.None), Throws.TypeOf<SmbProtocolException>()
            .With.Message.Contains(message));
    }

    [Test]
    public void NetShareEnum_FragmentsThatNeverEnd_StopAtTheResponseLimit()
    {
        var filler = RpcPdus.Response(2, false, false, new byte[65535 - 24]);
        var pipe = new FakePipe(SambaSrvsvcCapture.BindAck, RpcPdus.Response(2, true, false, []));
        pipe.Refill = () => filler;

        Assert.That(() => pipe.Client.NetShareEnumAsync("srv", CancellationToken.None), Throws.TypeOf<SmbProtocolException>()
            .With.Message.Contains("without a last fragment"));
        Assert.That(pipe.ReadCount, Is.EqualTo((RpcResponse.MaxLength / 65535) + 1), "the first read past 16 MiB");
    }

    [Test]
    public async Task NetShareEnum_WhileACallIsInFlight_IsRefused()
    {
        var release = new TaskCompletionSource<byte[]>(TaskCreationOptions.RunContinuationsAsynchronously);
        var client = new SrvsvcClient((_, _) => release.Task, _ => Task.FromResult(Array.Empty<byte>()));

        var first = client.NetShareEnumAsync("srv", CancellationToken.None);

        Assert.That(() => client.NetShareEnumAsync("srv", CancellationToken.None), Throws.InvalidOperationException.With.Message.Contains("overlap"));
        release.SetResult(RpcPdus.BindNak(1, 0));
        Assert.That(async () => await first, Throws.TypeOf<SmbRpcException>());
    }

    [Test]
    public void NetShareEnum_ThousandsOfMutatedResponses_OnlyEverThrowSmbProtocolOrRpcErrors()
    {
        var fragmented = RpcPdus.Fragmented(2, SambaSrvsvcCapture.ResponseStub, size: 100);
        var rpcErrors = 0;

        var outcome = Fuzz.Run(1, 5000, [SambaSrvsvcCapture.Response, fragmented], response =>
        {
            var pipe = new FakePipe(SambaSrvsvcCapture.BindAck, response);
            try
            {
                pipe.Client.NetShareEnumAsync("srv", CancellationToken.None).GetAwaiter().GetResult();
            }
            catch (SmbRpcException)
            {
                rpcErrors++;
            }
        });

        Fuzz.AssertBothOutcomes(outcome, 5000);
        Assert.That(rpcErrors, Is.GreaterThan(0), "some mutations turn the response into a fault or a WERROR");
    }

    /// <summary>
    /// A pipe that answers each transceive with the next scripted reply and each read with the next queued chunk
    /// (or <see cref="Refill"/>, or nothing); it completes synchronously.
    /// </summary>
    private sealed class FakePipe
    {
        private readonly Queue<byte[]> _replies;

        public FakePipe(params byte[][] replies)
        {
            _replies = new Queue<byte[]>(replies);
            Client = new SrvsvcClient(
                (pdu, _) =>
                {
                    Sent.Add(pdu.ToArray());
                    return Task.FromResult(_replies.Dequeue());
                },
                _ =>
                {
                    ReadCount++;
                    return Task.FromResult(Reads.TryDequeue(out var chunk) ? chunk : Refill?.Invoke() ?? []);
                });
        }

        public SrvsvcClient Client { get; }

        public List<byte[]> Sent { get; } = [];

        public Queue<byte[]> Reads { get; } = new();

        public Func<byte[]>? Refill { get; set; }

        public int ReadCount { get; private set; }
    }
}
