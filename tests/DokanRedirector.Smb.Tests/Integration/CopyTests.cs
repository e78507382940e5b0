using DokanRedirector.Smb.Messages;
using DokanRedirector.Smb.Tests.Fixtures;

namespace DokanRedirector.Smb.Tests.Integration;

/// <summary>
/// <see cref="SmbFile.CopyToAsync"/> and <see cref="SmbFile.CopyFromAsync"/>: whole files through a window of
/// pipelined chunks, byte for byte, cross-checked with smbclient; failures surface only once no chunk is in flight.
/// 2.0.2 moves 64 KiB a request (hundreds of chunks); 3.1.1 megabytes, signed or, on <c>encrypted</c>, sealed.
/// </summary>
[TestFixture("SMB2_02", "share")]
[TestFixture("SMB3_11", "share")]
[TestFixture("SMB3_11", "encrypted")]
public class CopyTests(string protocol, string shareName) : TreeFixture(protocol, shareName)
{
    private const int MiB = 1024 * 1024;

    private static readonly SmbCreateOptions NewFile = new()
    {
        Disposition = NtCreateDisposition.Create,
        DesiredAccess = NtAccessMask.GenericRead | NtAccessMask.GenericWrite,
        ShareAccess = NtShareAccess.All,
    };

    private static readonly SmbCreateOptions OpenRead = new() { ShareAccess = NtShareAccess.All };

    [Test]
    public async Task A40MiBFile_CopiedInAndBackOut_IsByteForByte_AndSmbclientGetsTheSameBytes()
    {
        var name = Unique("copied.bin");
        var data = RandomBytes(40 * MiB, seed: 40);
        var fetched = Path.Combine(Path.GetTempPath(), Unique("fetched.bin"));
        try
        {
            long written;
            await using (var file = await Tree.CreateAsync(name, NewFile, None))
            {
                written = await file.CopyFromAsync(new MemoryStream(data), 0, None);
            }
            var back = new MemoryStream();
            long copied;
            await using (var file = await Tree.CreateAsync(name, OpenRead, None))
            {
                copied = await file.CopyToAsync(back, None);
            }
            var get = await Samba.SmbClientAsync(ShareName, $"get {name} {fetched}");

            Assert.Multiple(() =>
            {
                Assert.That(written, Is.EqualTo(data.Length));
                Assert.That(copied, Is.EqualTo(data.Length));
                Assert.That(back.ToArray().AsSpan().SequenceEqual(data), Is.True, "the bytes copied out are the bytes copied in");
                Assert.That(get.ExitCode, Is.Zero, get.Output);
                Assert.That(File.ReadAllBytes(fetched).AsSpan().SequenceEqual(data), Is.True, "smbclient gets what we copied in");
            });
        }
        finally
        {
            File.Delete(fetched);
        }
    }

    [Test]
    public async Task AFileSmbclientPuts_OfAnOddLength_CopiesOutByteForByte()
    {
        var name = Unique("put.bin");
        var data = RandomBytes((40 * MiB) - 4321, seed: 41);
        var source = Path.Combine(Path.GetTempPath(), Unique("source.bin"));
        try
        {
            await File.WriteAllBytesAsync(source, data);
            var put = await Samba.SmbClientAsync(ShareName, $"put {source} {name}");
            Assert.That(put.ExitCode, Is.Zero, put.Output);
            var back = new MemoryStream();
            await using var file = await Tree.CreateAsync(name, OpenRead, None);

            var copied = await file.CopyToAsync(back, None);

            Assert.Multiple(() =>
            {
                Assert.That(copied, Is.EqualTo(data.Length));
                Assert.That(back.ToArray().AsSpan().SequenceEqual(data), Is.True, "we copy out what smbclient put");
            });
        }
        finally
        {
            File.Delete(source);
        }
    }

    [Test]
    public async Task CopyFrom_AtAnOffset_WritesWhatIsLeftOfTheSource_AfterTheExistingBytes()
    {
        var name = Unique("offset.bin");
        var head = RandomBytes(1000, seed: 1);
        var tail = RandomBytes((3 * MiB) + 5, seed: 2);
        await using var file = await Tree.CreateAsync(name, NewFile, None);
        await file.WriteAsync(head, 0, None);
        var source = new MemoryStream(tail) { Position = 5 };

        var written = await file.CopyFromAsync(source, head.Length, None);
        var back = new MemoryStream();
        var copied = await file.CopyToAsync(back, None);

        Assert.Multiple(() =>
        {
            Assert.That(written, Is.EqualTo(tail.Length - 5));
            Assert.That(copied, Is.EqualTo(head.Length + tail.Length - 5));
            Assert.That(back.ToArray(), Is.EqualTo(head.Concat(tail.Skip(5)).ToArray()));
        });
    }

    [Test]
    public async Task AnEmptyFile_CopiesOutNothing_AndAnEmptySource_WritesNothing()
    {
        await using var file = await Tree.CreateAsync(Unique("empty.bin"), NewFile, None);

        var written = await file.CopyFromAsync(new MemoryStream(), 0, None);
        var back = new MemoryStream();
        var copied = await file.CopyToAsync(back, None);

        Assert.Multiple(() =>
        {
            Assert.That(written, Is.Zero);
            Assert.That(copied, Is.Zero);
            Assert.That(back.Length, Is.Zero);
        });
    }

    [Test]
    public async Task ADestinationThatFails_FailsTheCopy_OnlyAfterEveryReadInFlightFinished()
    {
        var name = Unique("big.bin");
        await using (var file = await Tree.CreateAsync(name, NewFile, None))
        {
            await file.CopyFromAsync(new MemoryStream(RandomBytes(12 * MiB, seed: 3)), 0, None);
        }
        await using var open = await Tree.CreateAsync(name, OpenRead, None);
        // A memory stream over a fixed array cannot grow: the write that passes its end throws.
        var tooSmall = new MemoryStream(new byte[MiB + 1]);

        await Assert.ThrowsAsync<NotSupportedException>(() => open.CopyToAsync(tooSmall, None));
        Assert.That(Connection.PendingCount, Is.Zero, "no READ is still on its way");
    }

    [Test]
    public async Task ASourceThatFails_FailsTheCopy_OnlyAfterEveryWriteInFlightFinished_KeepingWhatCameBefore()
    {
        var name = Unique("partial.bin");
        await using var file = await Tree.CreateAsync(name, NewFile, None);
        var source = new FailingStream(RandomBytes(12 * MiB, seed: 4), failAt: 9 * MiB);

        var error = await Assert.ThrowsAsync<IOException>(() => file.CopyFromAsync(source, 0, None));

        Assert.Multiple(() =>
        {
            Assert.That(error!.Message, Does.Contain("source failed"));
            Assert.That(Connection.PendingCount, Is.Zero, "no WRITE is still on its way");
            Assert.That(new FileInfo(Local(name)).Length, Is.GreaterThan(0).And.LessThanOrEqualTo(9 * MiB));
        });
    }

    [Test]
    public async Task CopyTo_WithoutReadAccess_ThrowsAccessDenied_NamingTheFile()
    {
        var name = Unique("writeonly.bin");
        await using var file = await Tree.CreateAsync(name, NewFile with { DesiredAccess = NtAccessMask.WriteData }, None);
        await file.WriteAsync(new byte[MiB], 0, None);

        var error = await Assert.ThrowsAsync<SmbStatusException>(() => file.CopyToAsync(Stream.Null, None));

        Assert.Multiple(() =>
        {
            Assert.That(error!.Status, Is.EqualTo(NtStatus.AccessDenied));
            Assert.That(error.Command, Is.EqualTo(SmbCommand.Read));
            Assert.That(error.Message, Does.Contain(name));
            Assert.That(Connection.PendingCount, Is.Zero);
        });
    }

    /// <summary>A source that reads normally up to <c>failAt</c>, then throws.</summary>
    private sealed class FailingStream(byte[] data, int failAt) : MemoryStream(data)
    {
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Position >= failAt
                ? ValueTask.FromException<int>(new IOException("the source failed"))
                : base.ReadAsync(buffer[..(int)Math.Min(buffer.Length, failAt - Position)], cancellationToken);
    }
}
