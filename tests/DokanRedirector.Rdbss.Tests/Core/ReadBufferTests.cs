using System.Buffers;
using System.Text;
using DokanRedirector.Rdbss.Mrx;
using DokanRedirector.Rdbss.Tests.Support;

namespace DokanRedirector.Rdbss.Tests.Core;

/// <summary>
/// ReadBuffer, a read whose data comes in a buffer the caller disposes: the Redirector's ReadBufferAsync over the
/// default MRx routine (Read into a pooled array), and that default's ownership of the array on every path.
/// </summary>
public class ReadBufferTests
{
    [Test]
    public async Task ReadBufferAsync_ByDefault_ReadsThroughRead_IntoABufferOfJustTheBytesRead()
    {
        await using var h = new Harness();
        h.Mrx.AddFile("f.txt", Encoding.UTF8.GetBytes("hello world"));
        var handle = await h.OpenAsync(Harness.Unc(@"\\s\sh\f.txt"));

        var read = await h.Redirector.ReadBufferAsync(handle, 6, 100);
        using var buffer = read.Value;
        var atEnd = await h.Redirector.ReadBufferAsync(handle, 11, 100);

        Assert.Multiple(() =>
        {
            Assert.That(read.Status, Is.EqualTo(NtStatus.Success));
            Assert.That(Encoding.UTF8.GetString(buffer!.Memory.Span), Is.EqualTo("world"), "short at the end of the file");
            Assert.That(atEnd.Status, Is.EqualTo(NtStatus.EndOfFile));
            Assert.That(atEnd.Value, Is.Null, "a failure carries no buffer");
            Assert.That(h.Mrx.Calls(nameof(IMiniRedirector.Read)), Is.EqualTo(2));
        });
    }

    [Test]
    public async Task ReadBufferAsync_OnAClosedHandle_FailsWithInvalidHandle_AndNoBuffer()
    {
        await using var h = new Harness();
        var handle = await h.OpenAsync(Harness.Unc(@"\\s\sh\f"));
        await h.Redirector.CloseAsync(handle);

        var read = await h.Redirector.ReadBufferAsync(handle, 0, 10);

        Assert.Multiple(() =>
        {
            Assert.That(read.Status, Is.EqualTo(NtStatus.InvalidHandle));
            Assert.That(read.Value, Is.Null);
            Assert.That(h.Mrx.Calls(nameof(IMiniRedirector.Read)), Is.Zero);
        });
    }

    [Test]
    public async Task ReadBufferAsync_InFlightOnAForcedDisconnect_AnswersDisconnected_WithNoBuffer()
    {
        await using var h = new Harness();
        var x = await h.ConnectAsync("X:", @"\\s\sh");
        h.Mrx.AddFile("slow", new byte[100]);
        var handle = await h.OpenAsync(x.Resolve("slow"));
        var reading = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        h.Mrx.BeforeRead = async ct =>
        {
            reading.SetResult();
            await Task.Delay(Timeout.Infinite, ct);
        };

        var read = h.Redirector.ReadBufferAsync(handle, 0, 10).AsTask();
        await reading.Task;
        await h.Redirector.DisconnectAsync("X:", force: true);

        Assert.That(await read.WaitAsync(TimeSpan.FromSeconds(5)), Is.EqualTo(new RxResult<IMemoryOwner<byte>>(NtStatus.ConnectionDisconnected, null)));
    }

    [Test]
    public async Task ReadBufferAsync_Cancelled_AnswersCancelled_WithNoBuffer()
    {
        await using var h = new Harness();
        h.Mrx.AddFile("slow", new byte[100]);
        var handle = await h.OpenAsync(Harness.Unc(@"\\s\sh\slow"));
        h.Mrx.BeforeRead = ct => Task.Delay(Timeout.Infinite, ct);
        using var cts = new CancellationTokenSource();

        var read = h.Redirector.ReadBufferAsync(handle, 0, 10, cts.Token).AsTask();
        await cts.CancelAsync();

        Assert.That(await read.WaitAsync(TimeSpan.FromSeconds(5)), Is.EqualTo(new RxResult<IMemoryOwner<byte>>(NtStatus.Cancelled, null)));
    }

    [Test]
    public async Task TheDefault_OnSuccess_HandsTheArrayToTheCaller_WhoseDisposeReturnsItOnce()
    {
        await using var h = new Harness();
        var (mrx, srvOpen) = await OpenAsync(h, "hello");
        var pool = new CountingPool();

        var read = await PooledReadBuffer.ReadAsync(mrx, srvOpen, 1, 3, pool, CancellationToken.None);
        var rentedWhileHeld = pool.Outstanding;
        var data = read.Value!.Memory.ToArray();
        read.Value.Dispose();
        read.Value.Dispose();

        Assert.Multiple(() =>
        {
            Assert.That(data, Is.EqualTo("ell"u8.ToArray()));
            Assert.That(rentedWhileHeld, Is.EqualTo(1), "the caller holds the array");
            Assert.That(pool.Outstanding, Is.Zero);
            Assert.That(pool.Returned, Is.EqualTo(1), "a second Dispose returns nothing");
            Assert.That(() => read.Value.Memory, Throws.TypeOf<ObjectDisposedException>());
        });
    }

    [Test]
    public async Task TheDefault_WhenReadFails_ReturnsTheArrayAtOnce_AndAnswersOnlyTheStatus()
    {
        await using var h = new Harness();
        var (mrx, srvOpen) = await OpenAsync(h, "hello");
        var pool = new CountingPool();

        var read = await PooledReadBuffer.ReadAsync(mrx, srvOpen, 5, 3, pool, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(read.Status, Is.EqualTo(NtStatus.EndOfFile));
            Assert.That(read.Value, Is.Null);
            Assert.That(pool.Rented, Is.EqualTo(1));
            Assert.That(pool.Outstanding, Is.Zero);
        });
    }

    [Test]
    public async Task TheDefault_WhenReadThrowsOrIsCancelled_ReturnsTheArray_AndLetsTheExceptionThrough()
    {
        await using var h = new Harness();
        var (mrx, srvOpen) = await OpenAsync(h, "hello");
        var pool = new CountingPool();
        using var cts = new CancellationTokenSource();

        h.Mrx.BeforeRead = _ => throw new InvalidOperationException("a mini-redirector bug");
        Assert.That(async () => await PooledReadBuffer.ReadAsync(mrx, srvOpen, 0, 3, pool, CancellationToken.None),
            Throws.InvalidOperationException);
        h.Mrx.BeforeRead = ct => Task.Delay(Timeout.Infinite, ct);
        var cancelled = PooledReadBuffer.ReadAsync(mrx, srvOpen, 0, 3, pool, cts.Token).AsTask();
        await cts.CancelAsync();
        Assert.That(async () => await cancelled, Throws.InstanceOf<OperationCanceledException>());

        Assert.Multiple(() =>
        {
            Assert.That(pool.Rented, Is.EqualTo(2));
            Assert.That(pool.Outstanding, Is.Zero);
        });
    }

    private static async Task<(IMiniRedirector, Structures.SrvOpen)> OpenAsync(Harness h, string content)
    {
        h.Mrx.AddFile("f", Encoding.UTF8.GetBytes(content));
        await h.OpenAsync(Harness.Unc(@"\\s\sh\f"));
        return (h.Mrx, h.Mrx.OpenSrvOpens.Single());
    }

    /// <summary>A pool that counts what it lent and what came back.</summary>
    private sealed class CountingPool : ArrayPool<byte>
    {
        public int Rented { get; private set; }

        public int Returned { get; private set; }

        public int Outstanding => Rented - Returned;

        public override byte[] Rent(int minimumLength)
        {
            Rented++;
            return new byte[minimumLength];
        }

        public override void Return(byte[] array, bool clearArray = false) => Returned++;
    }
}
