using System.Buffers.Binary;
using System.Text;
using DokanRedirector.Smb.Crypto;
using DokanRedirector.Smb.Info;
using DokanRedirector.Smb.Messages;
using DokanRedirector.Smb.Tests.Fixtures;

namespace DokanRedirector.Smb.Tests.Integration;

[TestFixture("SMB2_02", SmbDialect.Smb202)]
[TestFixture("SMB2_10", SmbDialect.Smb210)]
[TestFixture("SMB3_11", SmbDialect.Smb311)]
public class FileTests(string protocol, SmbDialect dialect) : TreeFixture(protocol, "share")
{
    private const byte FileStandardInformation = 5; // MS-FSCC 2.4.47
    private const byte FileRenameInformation = 10; // MS-FSCC 2.4.42.2
    private const byte FileDispositionInformation = 13; // MS-FSCC 2.4.11
    private const uint FsctlSrvRequestResumeKey = 0x00140078; // MS-SMB2 2.2.31

    private static readonly SmbCreateOptions NewFile = new()
    {
        Disposition = NtCreateDisposition.Create,
        DesiredAccess = NtAccessMask.GenericRead | NtAccessMask.GenericWrite | NtAccessMask.Delete,
        ShareAccess = NtShareAccess.All,
    };

    private static readonly SmbCreateOptions OpenReadWrite = NewFile with { Disposition = NtCreateDisposition.Open };

    [Test]
    public async Task CreateWriteRead_RoundTripsTheBytes_AndCloseReportsTheNewSize()
    {
        var name = Unique("small.txt");
        var data = Encoding.UTF8.GetBytes("hello, samba");
        var file = await Tree.CreateAsync(name, NewFile, None);

        var written = await file.WriteAsync(data, 0, None);
        var buffer = new byte[64];
        var read = await file.ReadAsync(buffer, 0, None);
        var atEnd = await file.ReadAsync(buffer, data.Length, None);
        var emptyRead = await file.ReadAsync(Memory<byte>.Empty, 0, None);
        var emptyWrite = await file.WriteAsync(ReadOnlyMemory<byte>.Empty, 0, None);
        await file.FlushAsync(None);
        var closed = await file.CloseAsync(postQueryAttributes: true, None);

        Assert.Multiple(() =>
        {
            Assert.That(file.CreateAction, Is.EqualTo(NtCreateAction.Created));
            Assert.That(file.Info.EndOfFile, Is.Zero);
            Assert.That(file.FileId, Is.Not.EqualTo(default(SmbFileId)));
            Assert.That(written, Is.EqualTo(data.Length));
            Assert.That(buffer.AsSpan(0, read).ToArray(), Is.EqualTo(data));
            Assert.That(atEnd, Is.Zero, "a read at the end of the file returns 0 (STATUS_END_OF_FILE)");
            Assert.That(emptyRead, Is.Zero);
            Assert.That(emptyWrite, Is.Zero);
            Assert.That(closed!.Value.EndOfFile, Is.EqualTo(data.Length));
            Assert.That(closed.Value.LastWriteTime, Is.GreaterThan(DateTime.UtcNow.AddMinutes(-5)));
            Assert.That(File.ReadAllBytes(Local(name)), Is.EqualTo(data));
        });
    }

    [Test]
    public async Task A20MiBWriteAndRead_GoThroughThePipelinedChunks_ByteForByte()
    {
        var name = Unique("large.bin");
        var data = RandomBytes(20 * 1024 * 1024, seed: 20);
        var back = new byte[data.Length + 4096];
        await using var file = await Tree.CreateAsync(name, NewFile, None);

        var written = await file.WriteAsync(data, 0, None);
        var read = await file.ReadAsync(back, 0, None);
        var tailBuffer = new byte[1 << 20];
        var tail = await file.ReadAsync(tailBuffer, data.Length - 1000, None);
        var pastTheEnd = await file.ReadAsync(back, data.Length + 100, None);

        Assert.Multiple(() =>
        {
            Assert.That(data.Length, Is.GreaterThan(Connection.MaxWriteSize), "more than one chunk");
            Assert.That(written, Is.EqualTo(data.Length));
            Assert.That(read, Is.EqualTo(data.Length), "a read past the end returns what there is");
            Assert.That(back.AsSpan(0, data.Length).SequenceEqual(data), Is.True, "the bytes read back are the bytes written");
            Assert.That(tail, Is.EqualTo(1000));
            Assert.That(pastTheEnd, Is.Zero, "every chunk past the end is STATUS_END_OF_FILE");
            Assert.That(tailBuffer.AsSpan(0, 1000).SequenceEqual(data.AsSpan(data.Length - 1000)), Is.True);
            Assert.That(new FileInfo(Local(name)).Length, Is.EqualTo(data.Length));
        });
    }

    [Test]
    public async Task AChunkedReadThatFails_ThrowsTheServersError_OnlyAfterEveryChunkFinished()
    {
        var name = Unique("writeonly.bin");
        await using (var file = await Tree.CreateAsync(name, NewFile, None))
        {
            await file.WriteAsync(new byte[1 << 20], 0, None);
        }
        await using var writeOnly = await Tree.CreateAsync(name, OpenReadWrite with { DesiredAccess = NtAccessMask.WriteData }, None);

        var error = await Assert.ThrowsAsync<SmbStatusException>(() => writeOnly.ReadAsync(new byte[4 * Connection.MaxReadSize], 0, None));

        Assert.Multiple(() =>
        {
            Assert.That(error!.Status, Is.EqualTo(NtStatus.AccessDenied));
            Assert.That(error.Command, Is.EqualTo(SmbCommand.Read));
            Assert.That(error.Message, Does.Contain(name));
            Assert.That(Connection.PendingCount, Is.Zero, "no chunk is still on its way into the caller's buffer");
        });
    }

    [Test]
    public async Task AFileWeWrite_SmbclientGetsByteForByte_AndAFileSmbclientPuts_WeRead()
    {
        var ours = Unique("ours.bin");
        var theirs = Unique("theirs.bin");
        var data = RandomBytes(3 * 1024 * 1024 + 17, seed: 3);
        var localCopy = Path.Combine(Path.GetTempPath(), Unique("fetched.bin"));
        var localSource = Path.Combine(Path.GetTempPath(), Unique("source.bin"));
        try
        {
            await using (var file = await Tree.CreateAsync(ours, NewFile, None))
            {
                await file.WriteAsync(data, 0, None);
            }
            var get = await Samba.SmbClientAsync("share", $"get {ours} {localCopy}");
            await File.WriteAllBytesAsync(localSource, data.AsMemory(0, data.Length - 100));
            var put = await Samba.SmbClientAsync("share", $"put {localSource} {theirs}");
            var back = new byte[data.Length];
            await using var theirFile = await Tree.CreateAsync(theirs, OpenReadWrite, None);
            var read = await theirFile.ReadAsync(back, 0, None);

            Assert.Multiple(() =>
            {
                Assert.That(get.ExitCode, Is.Zero, get.Output);
                Assert.That(put.ExitCode, Is.Zero, put.Output);
                Assert.That(File.ReadAllBytes(localCopy).AsSpan().SequenceEqual(data), Is.True, "smbclient fetched what we wrote");
                Assert.That(read, Is.EqualTo(data.Length - 100));
                Assert.That(back.AsSpan(0, read).SequenceEqual(data.AsSpan(0, read)), Is.True, "we read what smbclient put");
            });
        }
        finally
        {
            File.Delete(localCopy);
            File.Delete(localSource);
        }
    }

    [Test]
    public async Task OpeningAMissingFile_FailsWithObjectNameNotFound_NamingThePath()
    {
        var error = await Assert.ThrowsAsync<SmbStatusException>(() => Tree.CreateAsync(@"no\such.txt", OpenReadWrite, None));

        Assert.Multiple(() =>
        {
            Assert.That(error!.Status, Is.AnyOf(NtStatus.ObjectNameNotFound, NtStatus.ObjectPathNotFound));
            Assert.That(error.Message, Does.StartWith(@"The path \\127.0.0.1\share\no\such.txt does not exist").Or.StartWith(@"\\127.0.0.1\share\no\such.txt does not exist"));
        });
        var missing = await Assert.ThrowsAsync<SmbStatusException>(() => Tree.CreateAsync("missing.txt", OpenReadWrite, None));
        Assert.That(missing!.Message, Is.EqualTo(@"\\127.0.0.1\share\missing.txt does not exist (STATUS_OBJECT_NAME_NOT_FOUND)"));
    }

    [Test]
    public async Task CreateDispositions_FollowNtCreateFileSemantics()
    {
        var name = Unique("disposition.txt");
        await using (var created = await Tree.CreateAsync(name, NewFile, None))
        {
            await created.WriteAsync(new byte[100], 0, None);
        }

        var collision = await Assert.ThrowsAsync<SmbStatusException>(() => Tree.CreateAsync(name, NewFile, None));
        await using var openIf = await Tree.CreateAsync(name, NewFile with { Disposition = NtCreateDisposition.OpenIf }, None);
        await using var overwriteIf = await Tree.CreateAsync(name, NewFile with { Disposition = NtCreateDisposition.OverwriteIf }, None);
        await using var openIfNew = await Tree.CreateAsync(Unique("openif.txt"), NewFile with { Disposition = NtCreateDisposition.OpenIf }, None);
        await using var overwriteIfNew = await Tree.CreateAsync(Unique("overwriteif.txt"), NewFile with { Disposition = NtCreateDisposition.OverwriteIf }, None);

        Assert.Multiple(() =>
        {
            Assert.That(collision!.Status, Is.EqualTo(NtStatus.ObjectNameCollision));
            Assert.That(collision.Message, Does.EndWith("already exists (STATUS_OBJECT_NAME_COLLISION)"));
            Assert.That(openIf.CreateAction, Is.EqualTo(NtCreateAction.Opened));
            Assert.That(openIf.Info.EndOfFile, Is.EqualTo(100));
            Assert.That(overwriteIf.CreateAction, Is.EqualTo(NtCreateAction.Overwritten));
            Assert.That(overwriteIf.Info.EndOfFile, Is.Zero);
            Assert.That(openIfNew.CreateAction, Is.EqualTo(NtCreateAction.Created));
            Assert.That(overwriteIfNew.CreateAction, Is.EqualTo(NtCreateAction.Created));
        });
    }

    [Test]
    public async Task ADirectory_IsCreated_AndQueryDirectoryReturnsItsEntries_ThenNoMoreFiles()
    {
        var dir = Unique("dir");
        await using (await Tree.CreateAsync(dir, NewFile with { Options = NtCreateOptions.DirectoryFile, DesiredAccess = NtAccessMask.GenericRead }, None))
        {
        }
        foreach (var child in new[] { "alpha.txt", "beta.txt" })
        {
            await using var file = await Tree.CreateAsync($@"{dir}\{child}", NewFile, None);
        }

        await using var directory = await Tree.CreateAsync(dir, new SmbCreateOptions { Options = NtCreateOptions.DirectoryFile }, None);
        var listing = new List<byte>();
        var calls = 0;
        for (var buffer = await directory.QueryDirectoryAsync("*", restart: true, None); buffer is not null; buffer = await directory.QueryDirectoryAsync("*", restart: false, None))
        {
            listing.AddRange(buffer);
            calls++;
        }
        var restarted = await directory.QueryDirectoryAsync("*", restart: true, None);
        var text = Encoding.Unicode.GetString(listing.ToArray());

        Assert.Multiple(() =>
        {
            Assert.That(directory.Info.IsDirectory, Is.True);
            Assert.That(calls, Is.GreaterThanOrEqualTo(1));
            Assert.That(text, Does.Contain("alpha.txt").And.Contain("beta.txt"));
            Assert.That(restarted, Is.Not.Null, "RESTART_SCANS starts again after NO_MORE_FILES");
            Assert.That(Directory.Exists(Local(dir)), Is.True);
        });
    }

    [Test]
    public async Task SetInfoFileDispositionInformation_DeletesTheFileOnClose()
    {
        var name = Unique("doomed.txt");
        await using (var file = await Tree.CreateAsync(name, NewFile, None))
        {
            await file.SetInfoAsync(SmbInfoType.File, FileDispositionInformation, new byte[] { 1 }, None);
        }

        var error = await Assert.ThrowsAsync<SmbStatusException>(() => Tree.CreateAsync(name, OpenReadWrite, None));
        Assert.Multiple(() =>
        {
            Assert.That(error!.Status, Is.EqualTo(NtStatus.ObjectNameNotFound));
            Assert.That(File.Exists(Local(name)), Is.False);
        });
    }

    [Test]
    public async Task SetInfoFileRenameInformation_RenamesTheFile()
    {
        var from = Unique("before.txt");
        var to = Unique("after.txt");
        await using (var file = await Tree.CreateAsync(from, NewFile, None))
        {
            await file.WriteAsync("renamed"u8.ToArray(), 0, None);
            await file.SetInfoAsync(SmbInfoType.File, FileRenameInformation, RenameInformation(to), None);
        }

        var old = await Assert.ThrowsAsync<SmbStatusException>(() => Tree.CreateAsync(from, OpenReadWrite, None));
        await using var renamed = await Tree.CreateAsync(to, OpenReadWrite, None);
        Assert.Multiple(() =>
        {
            Assert.That(old!.Status, Is.EqualTo(NtStatus.ObjectNameNotFound));
            Assert.That(renamed.Info.EndOfFile, Is.EqualTo(7));
        });
    }

    [Test]
    public async Task AnExclusiveLock_MakesAConflictingLockOfAnotherOpenFail_UntilUnlocked()
    {
        var name = Unique("locked.bin");
        await using var first = await Tree.CreateAsync(name, NewFile, None);
        await using var second = await Tree.CreateAsync(name, OpenReadWrite, None);
        await first.WriteAsync(new byte[100], 0, None);

        await first.LockAsync(0, 10, exclusive: true, failImmediately: true, None);
        var conflict = await Assert.ThrowsAsync<SmbStatusException>(() => second.LockAsync(5, 10, exclusive: true, failImmediately: true, None));
        await second.LockAsync(20, 10, exclusive: true, failImmediately: true, None);
        await first.UnlockAsync(0, 10, None);
        await second.LockAsync(5, 10, exclusive: true, failImmediately: true, None);

        Assert.Multiple(() =>
        {
            Assert.That(conflict!.Status, Is.EqualTo(NtStatus.LockNotGranted));
            Assert.That(conflict.Command, Is.EqualTo(SmbCommand.Lock));
        });
    }

    [Test]
    public async Task MaximalAccessAndOnDiskId_ComeBack_AndTheOnDiskIdIsTheSameForEveryOpen()
    {
        var name = Unique("ids.txt");
        var withContexts = NewFile with { RequestMaximalAccess = true, QueryOnDiskId = true };
        await using var first = await Tree.CreateAsync(name, withContexts, None);
        await using var second = await Tree.CreateAsync(name, withContexts with { Disposition = NtCreateDisposition.Open }, None);
        await using var plain = await Tree.CreateAsync(name, OpenReadWrite, None);
        await using var other = await Tree.CreateAsync(Unique("other.txt"), withContexts, None);

        Assert.Multiple(() =>
        {
            Assert.That(first.MaximalAccess, Is.Not.Null);
            Assert.That(first.MaximalAccess!.Value & NtAccessMask.ReadData, Is.EqualTo(NtAccessMask.ReadData));
            Assert.That(first.OnDiskId, Is.Not.Null);
            Assert.That(first.OnDiskId!.Value.DiskFileId, Is.Not.Zero);
            Assert.That(second.OnDiskId, Is.EqualTo(first.OnDiskId));
            Assert.That(other.OnDiskId!.Value.DiskFileId, Is.Not.EqualTo(first.OnDiskId.Value.DiskFileId), "Samba reports the inode");
            Assert.That(other.OnDiskId.Value.VolumeId, Is.EqualTo(first.OnDiskId.Value.VolumeId));
            Assert.That(plain.MaximalAccess, Is.Null);
            Assert.That(plain.OnDiskId, Is.Null);
        });
    }

    [Test]
    public async Task ALeaseRequest_IsGrantedOn21And3x_AndNotSentOn202()
    {
        var key = Guid.NewGuid();
        var options = NewFile with { Lease = new SmbLeaseRequest(key, SmbLeaseState.ReadCaching | SmbLeaseState.HandleCaching | SmbLeaseState.WriteCaching) };

        await using var file = await Tree.CreateAsync(Unique("leased.txt"), options, None);
        await using var directory = await Tree.CreateAsync(Unique("leased-dir"), options with { Options = NtCreateOptions.DirectoryFile }, None);

        Assert.That(directory.Lease, Is.Null, "no directory lease without SMB2_GLOBAL_CAP_DIRECTORY_LEASING, which Samba does not announce");
        if (dialect == SmbDialect.Smb202)
        {
            Assert.Multiple(() =>
            {
                Assert.That(file.Lease, Is.Null);
                Assert.That(file.OplockLevel, Is.Not.EqualTo(SmbOplockLevel.Lease));
            });
            return;
        }
        Assert.Multiple(() =>
        {
            Assert.That(file.OplockLevel, Is.EqualTo(SmbOplockLevel.Lease));
            Assert.That(file.Lease, Is.Not.Null);
            Assert.That(file.Lease!.Value.LeaseKey, Is.EqualTo(key));
            Assert.That(file.Lease.Value.State & SmbLeaseState.ReadCaching, Is.EqualTo(SmbLeaseState.ReadCaching));
        });
    }

    [Test]
    public async Task EveryCreateContextAtOnce_IsAcceptedAndAnswered()
    {
        var options = NewFile with
        {
            RequestMaximalAccess = true,
            QueryOnDiskId = true,
            Lease = new SmbLeaseRequest(Guid.NewGuid(), SmbLeaseState.ReadCaching | SmbLeaseState.HandleCaching),
            Durable = new SmbDurableHandleRequest(Guid.NewGuid(), TimeSpan.FromSeconds(30)),
        };

        await using var file = await Tree.CreateAsync(Unique("contexts.txt"), options, None);

        Assert.Multiple(() =>
        {
            Assert.That(file.MaximalAccess, Is.Not.Null);
            Assert.That(file.OnDiskId, Is.Not.Null);
            Assert.That(file.Lease is not null, Is.EqualTo(dialect != SmbDialect.Smb202));
            Assert.That(file.Durable is not null, Is.EqualTo(dialect == SmbDialect.Smb311), "DH2Q is sent (and granted by Samba) on 3.x only");
        });
    }

    [Test]
    public async Task QueryInfoAndIoctl_ReturnTheServersRawOutput()
    {
        await using var file = await Tree.CreateAsync(Unique("info.bin"), NewFile, None);
        await file.WriteAsync(new byte[1234], 0, None);

        var standard = await file.QueryInfoAsync(SmbInfoType.File, FileStandardInformation, 64, None);
        var resumeKey = await file.IoctlAsync(FsctlSrvRequestResumeKey, ReadOnlyMemory<byte>.Empty, 64, None);

        Assert.Multiple(() =>
        {
            // AllocationSize(8) EndOfFile(8) NumberOfLinks(4) DeletePending(1) Directory(1) Reserved(2)
            Assert.That(standard, Has.Length.EqualTo(24));
            Assert.That(BinaryPrimitives.ReadInt64LittleEndian(standard.AsSpan(8)), Is.EqualTo(1234));
            Assert.That(BinaryPrimitives.ReadUInt32LittleEndian(standard.AsSpan(16)), Is.EqualTo(1));
            // ResumeKey(24) ContextLength(4) Context
            Assert.That(resumeKey, Has.Length.GreaterThanOrEqualTo(28));
        });
    }

    [Test]
    public async Task WritingOnAReadOnlyShare_IsAccessDenied()
    {
        var tree = await Tree.Session.TreeConnectAsync("readonly", None);

        var error = await Assert.ThrowsAsync<SmbStatusException>(() => tree.CreateAsync(Unique("nope.txt"), NewFile, None));

        Assert.Multiple(() =>
        {
            Assert.That(error!.Status, Is.EqualTo(NtStatus.AccessDenied));
            Assert.That(error.Message, Does.StartWith(@"Access to \\127.0.0.1\readonly\nope-"));
        });
    }

    [Test]
    public async Task Close_IsIdempotent_AndTheFileIsUnusableAfterwards()
    {
        var file = await Tree.CreateAsync(Unique("closed.txt"), NewFile, None);

        var first = await file.CloseAsync(postQueryAttributes: true, None);
        var second = await file.CloseAsync(postQueryAttributes: true, None);
        await file.DisposeAsync();

        Assert.Multiple(() =>
        {
            Assert.That(first, Is.Not.Null);
            Assert.That(second, Is.Null);
            Assert.That(file.IsClosed, Is.True);
            Assert.That(() => file.ReadAsync(new byte[1], 0, None), Throws.TypeOf<ObjectDisposedException>());
            Assert.That(() => file.FlushAsync(None), Throws.TypeOf<ObjectDisposedException>());
        });
    }

    [Test]
    public async Task Close_OnABrokenConnection_IsANoOp()
    {
        var connection = await SmbConnection.ConnectAsync(SambaServer.Host, Samba.Port, null, None);
        var session = await connection.SetupSessionAsync(User, None);
        var tree = await session.TreeConnectAsync("share", None);
        var file = await tree.CreateAsync(Unique("orphan.txt"), NewFile, None);

        await connection.DisposeAsync();
        var closed = await file.CloseAsync(postQueryAttributes: true, None);

        Assert.Multiple(() =>
        {
            Assert.That(closed, Is.Null);
            Assert.That(file.IsClosed, Is.True);
            Assert.That(file.DisposeAsync().AsTask, Throws.Nothing);
            Assert.That(() => tree.CreateAsync("x", NewFile, None), Throws.InstanceOf<SmbException>().Or.InstanceOf<ObjectDisposedException>());
        });
    }

    [Test]
    public async Task TheShareRoot_OpensByTheEmptyName_AndALeadingBackslashIsRefused()
    {
        await using var root = await Tree.CreateAsync("", new SmbCreateOptions(), None);

        Assert.Multiple(() =>
        {
            Assert.That(root.Info.IsDirectory, Is.True);
            Assert.That(root.FullPath, Is.EqualTo(@"\\127.0.0.1\share"));
            Assert.That(() => Tree.CreateAsync(@"\x", new SmbCreateOptions(), None), Throws.ArgumentException);
        });
    }

    // MS-FSCC 2.4.42.2, SMB2 layout: ReplaceIfExists(1) Reserved(7) RootDirectory(8) FileNameLength(4) FileName.
    private static byte[] RenameInformation(string target)
    {
        var name = Encoding.Unicode.GetBytes(target);
        var buffer = new byte[20 + name.Length];
        BinaryPrimitives.WriteUInt32LittleEndian(buffer.AsSpan(16), (uint)name.Length);
        name.CopyTo(buffer, 20);
        return buffer;
    }
}
