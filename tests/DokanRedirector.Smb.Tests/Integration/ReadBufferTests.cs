using System.Buffers;
using DokanRedirector.Smb.Tests.Fixtures;

namespace DokanRedirector.Smb.Tests.Integration;

/// <summary>
/// <see cref="SmbFile.ReadBufferAsync"/>: one READ's data handed over in the frame it arrived in. 2.0.2 reads 64 KiB
/// a READ, so a longer read comes back short; 3.1.1 up to 2 MiB, signed or, on <c>encrypted</c>, sealed (the data
/// then lies in the decrypted frame).
/// </summary>
[TestFixture("SMB2_02", "share")]
[TestFixture("SMB3_11", "share")]
[TestFixture("SMB3_11", "encrypted")]
public class ReadBufferTests(string protocol, string shareName) : TreeFixture(protocol, shareName)
{
    private const int MiB = 1024 * 1024;

    private static readonly SmbCreateOptions NewFile = new()
    {
        Disposition = NtCreateDisposition.Create,
        DesiredAccess = NtAccessMask.GenericRead | NtAccessMask.GenericWrite,
        ShareAccess = NtShareAccess.All,
    };

    [Test]
    public async Task OneRead_ReturnsTheBytesAtItsOffset_AtMostOneChunk_AndShortAtTheEnd()
    {
        var data = RandomBytes((3 * MiB) + 17, seed: 7);
        await using var file = await CreateAsync(data);
        var chunk = file.ReadChunkSize;

        using var small = await file.ReadBufferAsync(1000, 4096, None);
        using var longer = await file.ReadBufferAsync(5, chunk + 100, None);
        using var tail = await file.ReadBufferAsync(data.Length - 100, 4096, None);

        Assert.Multiple(() =>
        {
            Assert.That(small.Memory.Span.SequenceEqual(data.AsSpan(1000, 4096)), Is.True);
            Assert.That(longer.Memory.Length, Is.EqualTo(chunk), "one READ, no more than a chunk");
            Assert.That(longer.Memory.Span.SequenceEqual(data.AsSpan(5, chunk)), Is.True);
            Assert.That(tail.Memory.Span.SequenceEqual(data.AsSpan(data.Length - 100)), Is.True, "short at the end of the file");
        });
    }

    [Test]
    public async Task ReadsOneAfterAnother_FromWhereTheLastEnded_GiveTheWholeFile_ThenNothing()
    {
        var data = RandomBytes((5 * MiB) + 4321, seed: 8);
        await using var file = await CreateAsync(data);
        var back = new MemoryStream();
        var reads = 0;

        while (true)
        {
            using var read = await file.ReadBufferAsync(back.Length, 3 * MiB, None);
            if (read.Memory.IsEmpty)
            {
                break;
            }
            back.Write(read.Memory.Span);
            reads++;
        }
        using var pastTheEnd = await file.ReadBufferAsync(data.Length + 100, 10, None);

        Assert.Multiple(() =>
        {
            Assert.That(back.ToArray().AsSpan().SequenceEqual(data), Is.True);
            Assert.That(reads, Is.EqualTo((data.Length + file.ReadChunkSize - 1) / file.ReadChunkSize));
            Assert.That(pastTheEnd.Memory.IsEmpty, Is.True, "STATUS_END_OF_FILE is an empty buffer");
            Assert.That(Connection.PendingCount, Is.Zero);
        });
    }

    [Test]
    public async Task ABuffer_Disposed_GivesItsFrameBack_AndItsMemoryIsGone()
    {
        await using var file = await CreateAsync(RandomBytes(4096, seed: 9));

        var read = await file.ReadBufferAsync(0, 4096, None);
        read.Dispose();
        read.Dispose();

        Assert.That(() => read.Memory, Throws.TypeOf<ObjectDisposedException>());
    }

    [Test]
    public async Task CancelledReads_ReturnNothing_AndLeaveTheConnectionUsable()
    {
        var data = RandomBytes(16 * MiB, seed: 10);
        await using var file = await CreateAsync(data);
        var chunk = file.ReadChunkSize;
        using var cts = new CancellationTokenSource();

        // Cancelled in flight: each READ either was answered first (its data is whole) or throws.
        var reads = Enumerable.Range(0, 8).Select(i => CatchAsync(file.ReadBufferAsync((long)i * chunk, chunk, cts.Token))).ToArray();
        await cts.CancelAsync();
        var outcomes = await Task.WhenAll(reads);
        await Eventually.HoldsAsync(() => Connection.PendingCount == 0, "the cancelled READs' responses");
        using var after = await file.ReadBufferAsync(chunk, chunk, None);

        Assert.Multiple(() =>
        {
            for (var i = 0; i < outcomes.Length; i++)
            {
                using var buffer = outcomes[i].Buffer;
                Assert.That(outcomes[i].Error, Is.Null.Or.InstanceOf<OperationCanceledException>());
                Assert.That(buffer is null || buffer.Memory.Span.SequenceEqual(data.AsSpan(i * chunk, chunk)), Is.True, $"read {i}");
            }
            Assert.That(after.Memory.Span.SequenceEqual(data.AsSpan(chunk, chunk)), Is.True, "the connection still reads");
        });
    }

    private async Task<SmbFile> CreateAsync(byte[] data)
    {
        var file = await Tree.CreateAsync(Unique("read.bin"), NewFile, None);
        Assert.That(await file.WriteAsync(data, 0, None), Is.EqualTo(data.Length));
        return file;
    }

    private static async Task<(IMemoryOwner<byte>? Buffer, Exception? Error)> CatchAsync(Task<IMemoryOwner<byte>> read)
    {
        try
        {
            return (await read, null);
        }
        catch (Exception e)
        {
            return (null, e);
        }
    }
}
