using System.Diagnostics;
using DokanRedirector.Smb.Info;
using DokanRedirector.Smb.Messages;
using DokanRedirector.Smb.Tests.Fixtures;

namespace DokanRedirector.Smb.Tests.Integration;

/// <summary>
/// CHANGE_NOTIFY against Samba 4.17, with the changes made through other handles on the same connection. smbd
/// handles the first request on a handle before a CREATE sent after it, but registers the watch with its notify
/// daemon asynchronously: a change made right after may go unseen (one time in six in a tight loop). So each watch
/// is opened by <see cref="WatchAsync"/>, which deletes probe files until one deletion is reported; from then on the
/// server queues every change on the handle, and the tests are deterministic.
/// </summary>
[TestFixture("SMB2_02")]
[TestFixture("SMB3_11")]
public class ChangeNotifyTests(string protocol) : TreeFixture(protocol, "share")
{
    private const NtNotifyFilter Filter =
        NtNotifyFilter.FileName | NtNotifyFilter.DirName | NtNotifyFilter.Size | NtNotifyFilter.LastWrite | NtNotifyFilter.Attributes;

    private const int OutputBufferLength = 64 * 1024;

    // Long enough for a loaded machine; an answer that does not come fails the test instead of hanging it.
    private static readonly TimeSpan AnswerTimeout = TimeSpan.FromSeconds(10);

    private static readonly SmbCreateOptions NewFile = new()
    {
        Disposition = NtCreateDisposition.Create,
        DesiredAccess = NtAccessMask.GenericRead | NtAccessMask.GenericWrite | NtAccessMask.Delete,
        ShareAccess = NtShareAccess.All,
    };

    private static readonly SmbCreateOptions OpenFile = NewFile with { Disposition = NtCreateDisposition.Open };

    // GenericRead includes FILE_LIST_DIRECTORY, which CHANGE_NOTIFY requires (MS-SMB2 3.3.5.19).
    private static readonly SmbCreateOptions OpenDirectory = new() { Options = NtCreateOptions.DirectoryFile, ShareAccess = NtShareAccess.All };

    // WatchAsync's probes: one in six is missed, so ten leave no real chance that all are; each gets half a second.
    private const int Probes = 10;
    private static readonly TimeSpan ProbeWait = TimeSpan.FromMilliseconds(500);

    private string _dir = null!;

    [SetUp]
    public async Task MakeTheWatchedDirectory()
    {
        _dir = Unique("watched");
        await using var created = await Tree.CreateAsync(_dir, NewFile with { Options = NtCreateOptions.DirectoryFile, DesiredAccess = NtAccessMask.GenericRead }, None);
    }

    [Test]
    public async Task CreatingAFile_IsReportedAsAdded_WithItsNameRelativeToTheDirectory()
    {
        // More than one credit's worth on 3.x, where Samba checks the CreditCharge against it (3.3.5.2.5).
        var length = Math.Min(256 * 1024, Connection.MaxTransactSize);
        await using var watch = await WatchAsync(outputBufferLength: length);
        var pending = watch.ChangeNotifyAsync(Filter, watchTree: false, length, None);

        await (await Tree.CreateAsync($@"{_dir}\new.txt", NewFile, None)).DisposeAsync();
        var notification = await pending.WaitAsync(AnswerTimeout);

        AssertChanges(notification, new FileNotifyInformation(NtNotifyAction.Added, "new.txt"));
    }

    [Test]
    public async Task DeletingAFile_IsReportedAsRemoved()
    {
        await (await Tree.CreateAsync($@"{_dir}\doomed.txt", NewFile, None)).DisposeAsync();
        await using var watch = await WatchAsync();
        var pending = watch.ChangeNotifyAsync(Filter, watchTree: false, OutputBufferLength, None);

        await DeleteAsync($@"{_dir}\doomed.txt");
        var notification = await pending.WaitAsync(AnswerTimeout);

        AssertChanges(notification, new FileNotifyInformation(NtNotifyAction.Removed, "doomed.txt"));
    }

    [Test]
    public async Task RenamingAFile_IsReportedAsOldNameThenNewName_InOneAnswer()
    {
        await (await Tree.CreateAsync($@"{_dir}\before.txt", NewFile, None)).DisposeAsync();
        await using var watch = await WatchAsync();
        var pending = watch.ChangeNotifyAsync(Filter, watchTree: false, OutputBufferLength, None);

        await using (var file = await Tree.CreateAsync($@"{_dir}\before.txt", OpenFile, None))
        {
            await file.SetInfoAsync(new FileRenameInformation(ReplaceIfExists: false, $@"{_dir}\after.txt"), None);
        }
        var notification = await pending.WaitAsync(AnswerTimeout);

        AssertChanges(
            notification,
            new FileNotifyInformation(NtNotifyAction.RenamedOldName, "before.txt"),
            new FileNotifyInformation(NtNotifyAction.RenamedNewName, "after.txt"));
    }

    [Test]
    public async Task WritingToAnOpenFile_IsReportedAsModified_AtTheWriteItself_NotOnlyAtClose()
    {
        await (await Tree.CreateAsync($@"{_dir}\data.bin", NewFile, None)).DisposeAsync();
        await using var watch = await WatchAsync();
        await using var file = await Tree.CreateAsync($@"{_dir}\data.bin", OpenFile, None);
        var pending = watch.ChangeNotifyAsync(Filter, watchTree: false, OutputBufferLength, None);

        await file.WriteAsync(new byte[100], 0, None);
        // Samba 4.17 answers FILE_ACTION_MODIFIED as soon as the write changes the size, with the file still open
        // (and reports another Modified when the handle closes).
        var notification = await pending.WaitAsync(AnswerTimeout);

        AssertChanges(notification, new FileNotifyInformation(NtNotifyAction.Modified, "data.bin"));
    }

    [Test]
    public async Task ChangesMadeWhileNoRequestWaits_AreKeptOnTheHandle_AndDeliveredInOrderByTheNextRequests()
    {
        await using var watch = await WatchAsync();
        var first = watch.ChangeNotifyAsync(Filter, watchTree: false, OutputBufferLength, None);
        await (await Tree.CreateAsync($@"{_dir}\first.txt", NewFile, None)).DisposeAsync();
        var firstAnswer = await first.WaitAsync(AnswerTimeout);

        // No request is outstanding now, and nothing changes once the next one is sent: whatever answers it was
        // made in this gap.
        await (await Tree.CreateAsync($@"{_dir}\second.txt", NewFile, None)).DisposeAsync();
        await DeleteAsync($@"{_dir}\first.txt");
        var stopwatch = Stopwatch.StartNew();
        var next = await watch.ChangeNotifyAsync(Filter, watchTree: false, OutputBufferLength, None).WaitAsync(AnswerTimeout);
        var answeredAfter = stopwatch.Elapsed;
        var changes = next.Changes.ToList();
        // Samba passes each change through its notify daemon, so the last may still be on its way to the handle
        // when the request arrives; it then answers the request after.
        while (!changes.Contains(new FileNotifyInformation(NtNotifyAction.Removed, "first.txt")))
        {
            changes.AddRange((await watch.ChangeNotifyAsync(Filter, watchTree: false, OutputBufferLength, None).WaitAsync(AnswerTimeout)).Changes);
        }

        Assert.Multiple(() =>
        {
            AssertChanges(firstAnswer, new FileNotifyInformation(NtNotifyAction.Added, "first.txt"));
            Assert.That(next.Status, Is.EqualTo(NtStatus.Success));
            Assert.That(next.Changes, Is.Not.Empty);
            Assert.That(answeredAfter, Is.LessThan(TimeSpan.FromSeconds(2)), "changes already made answer the request without waiting");
            Assert.That(changes.Where(c => c.Action != NtNotifyAction.Modified), Is.EqualTo(new[]
            {
                new FileNotifyInformation(NtNotifyAction.Added, "second.txt"),
                new FileNotifyInformation(NtNotifyAction.Removed, "first.txt"),
            }), "both changes, in order, and first.txt's Added is not delivered twice");
            Assert.That(changes.Where(c => c.Action == NtNotifyAction.Modified).Select(c => c.FileName), Is.SubsetOf(new[] { "first.txt", "second.txt" }),
                "Samba also reports the Modified that closing a new file causes");
        });
    }

    [Test]
    public async Task WatchTree_ReportsAChangeInASubdirectory_AsABackslashSeparatedPath()
    {
        await using (await Tree.CreateAsync($@"{_dir}\sub", NewFile with { Options = NtCreateOptions.DirectoryFile, DesiredAccess = NtAccessMask.GenericRead }, None))
        {
        }
        await using var watch = await WatchAsync(watchTree: true);
        var pending = watch.ChangeNotifyAsync(Filter, watchTree: true, OutputBufferLength, None);

        await (await Tree.CreateAsync($@"{_dir}\sub\deep.txt", NewFile, None)).DisposeAsync();
        var notification = await pending.WaitAsync(AnswerTimeout);

        AssertChanges(notification, new FileNotifyInformation(NtNotifyAction.Added, @"sub\deep.txt"));
    }

    [Test]
    public async Task ChangesThatDoNotFitTheOutputBuffer_AreReportedAsNotifyEnumDir_WithNoEntries()
    {
        await using var watch = await WatchAsync(outputBufferLength: 16);
        var pending = watch.ChangeNotifyAsync(Filter, watchTree: false, outputBufferLength: 16, None);

        await (await Tree.CreateAsync($@"{_dir}\a-name-longer-than-sixteen-bytes.txt", NewFile, None)).DisposeAsync();
        var notification = await pending.WaitAsync(AnswerTimeout);

        Assert.Multiple(() =>
        {
            Assert.That(notification.Status, Is.EqualTo(NtStatus.NotifyEnumDir), "Samba 4.17 answers STATUS_NOTIFY_ENUM_DIR, as Windows does");
            Assert.That(notification.Changes, Is.Empty);
        });
    }

    [Test]
    public async Task CancellingAWaitingRequest_ThrowsOperationCanceledAtOnce_AndTheConnectionAndHandleServeOnAfterwards()
    {
        await using var watch = await WatchAsync();
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        var stopwatch = Stopwatch.StartNew();

        Assert.That(async () => await watch.ChangeNotifyAsync(Filter, watchTree: false, OutputBufferLength, cts.Token),
            Throws.InstanceOf<OperationCanceledException>());
        var cancelledAfter = stopwatch.Elapsed;
        await Eventually.HoldsAsync(() => Connection.PendingCount == 0, "Samba's STATUS_CANCELLED answer to the cancelled request");
        var info = await watch.QueryInfoAsync<FileStandardInformation>(None);
        var again = watch.ChangeNotifyAsync(Filter, watchTree: false, OutputBufferLength, None);
        await (await Tree.CreateAsync($@"{_dir}\after-cancel.txt", NewFile, None)).DisposeAsync();
        var notification = await again.WaitAsync(AnswerTimeout);

        Assert.Multiple(() =>
        {
            Assert.That(cancelledAfter, Is.LessThan(TimeSpan.FromSeconds(1)));
            Assert.That(Connection.CancelsSent, Is.EqualTo(1));
            Assert.That(info.Directory, Is.True, "QUERY_INFO on the same connection and handle works");
            AssertChanges(notification, new FileNotifyInformation(NtNotifyAction.Added, "after-cancel.txt"));
        });
    }

    [Test]
    public async Task ClosingTheDirectoryWhileARequestWaits_CompletesItWithNotifyCleanup()
    {
        var watch = await Tree.CreateAsync(_dir, OpenDirectory, None);
        var pending = watch.ChangeNotifyAsync(Filter, watchTree: false, OutputBufferLength, None);

        await watch.CloseAsync(postQueryAttributes: false, None);
        var notification = await pending.WaitAsync(AnswerTimeout);

        Assert.Multiple(() =>
        {
            Assert.That(notification.Status, Is.EqualTo(NtStatus.NotifyCleanup));
            Assert.That(notification.Changes, Is.Empty);
            Assert.That(Connection.PendingCount, Is.Zero);
        });
    }

    [Test]
    public async Task DeletingTheWatchedDirectory_FailsTheWaitingRequestWithDeletePending()
    {
        await using var watch = await Tree.CreateAsync(_dir, OpenDirectory, None);
        var pending = watch.ChangeNotifyAsync(Filter, watchTree: false, OutputBufferLength, None);

        await using (var directory = await Tree.CreateAsync(_dir, OpenDirectory with { DesiredAccess = NtAccessMask.GenericRead | NtAccessMask.Delete }, None))
        {
            await directory.SetInfoAsync(new FileDispositionInformation(DeletePending: true), None);
        }
        var error = await Assert.ThrowsAsync<SmbStatusException>(async () => await pending.WaitAsync(AnswerTimeout));

        Assert.Multiple(() =>
        {
            Assert.That(error!.Status, Is.EqualTo(NtStatus.DeletePending), "Samba 4.17's answer once the directory is marked for deletion");
            Assert.That(error.Command, Is.EqualTo(SmbCommand.ChangeNotify));
        });
    }

    [Test]
    public async Task ChangeNotifyOnAFile_FailsWithInvalidParameter()
    {
        await using var file = await Tree.CreateAsync(Unique("plain.txt"), NewFile, None);

        var error = await Assert.ThrowsAsync<SmbStatusException>(async () =>
            await file.ChangeNotifyAsync(Filter, watchTree: false, OutputBufferLength, None).WaitAsync(AnswerTimeout));

        Assert.Multiple(() =>
        {
            Assert.That(error!.Status, Is.EqualTo(NtStatus.InvalidParameter));
            Assert.That(error.Command, Is.EqualTo(SmbCommand.ChangeNotify));
        });
    }

    [Test]
    public async Task AnEmptyFilterOrAnOutputBufferOutsideOneToMaxTransactSize_IsRefusedBeforeAnythingIsSent()
    {
        await using var watch = await Tree.CreateAsync(_dir, OpenDirectory, None);

        Assert.Multiple(() =>
        {
            Assert.That(() => watch.ChangeNotifyAsync(0, watchTree: false, OutputBufferLength, None), Throws.TypeOf<ArgumentOutOfRangeException>());
            Assert.That(() => watch.ChangeNotifyAsync(Filter, watchTree: false, 0, None), Throws.TypeOf<ArgumentOutOfRangeException>());
            Assert.That(() => watch.ChangeNotifyAsync(Filter, watchTree: false, Connection.MaxTransactSize + 1, None), Throws.TypeOf<ArgumentOutOfRangeException>());
            Assert.That(Connection.PendingCount, Is.Zero);
        });
    }

    /// <summary>Opens the watched directory and waits until Samba's watch on it is live (see the class comment).</summary>
    private async Task<SmbFile> WatchAsync(bool watchTree = false, int outputBufferLength = OutputBufferLength)
    {
        // Made before the watch exists, so they report nothing; deleting one reports a single Removed (a new file or
        // directory would also leave a Modified behind, from its close). Short names fit the 16-byte buffer too.
        for (var probe = 0; probe < Probes; probe++)
        {
            await (await Tree.CreateAsync($@"{_dir}\p{probe}", NewFile, None)).DisposeAsync();
        }
        var watch = await Tree.CreateAsync(_dir, OpenDirectory, None);
        var first = watch.ChangeNotifyAsync(Filter, watchTree, outputBufferLength, None);
        var deleted = 0;
        do
        {
            Assert.That(deleted, Is.LessThan(Probes), "Samba reported none of the probe deletions");
            await DeleteAsync($@"{_dir}\p{deleted++}");
        }
        while (first != await Task.WhenAny(first, Task.Delay(ProbeWait)));
        Assert.That((await first).Changes, Is.EqualTo(new[] { new FileNotifyInformation(NtNotifyAction.Removed, $"p{deleted - 1}") }));
        return watch;
    }

    private async Task DeleteAsync(string path)
    {
        await using var file = await Tree.CreateAsync(path, OpenFile, None);
        await file.SetInfoAsync(new FileDispositionInformation(DeletePending: true), None);
    }

    /// <summary>
    /// The answer holds <paramref name="expected"/>, in order. smbd answers with every change queued on the handle when
    /// it replies, so where the changes reach it together (a fast machine), the Modified that closing a new file
    /// causes may ride in the same answer: an extra Modified of a name the test expects is allowed, nothing else is.
    /// </summary>
    private static void AssertChanges(SmbChangeNotification notification, params FileNotifyInformation[] expected)
    {
        Assert.That(notification.Status, Is.EqualTo(NtStatus.Success));
        var names = expected.Select(e => e.FileName).ToHashSet();
        var expectsModified = expected.Any(e => e.Action == NtNotifyAction.Modified);
        var significant = notification.Changes
            .Where((c, i) => c.Action != NtNotifyAction.Modified || !names.Contains(c.FileName)
                || (expectsModified && (i == 0 || notification.Changes[i - 1] != c)));
        Assert.That(significant, Is.EqualTo(expected), $"answered: {string.Join(", ", notification.Changes)}");
    }
}
