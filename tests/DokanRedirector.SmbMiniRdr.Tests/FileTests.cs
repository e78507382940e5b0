namespace DokanRedirector.SmbMiniRdr.Tests;

/// <summary>NT file semantics through the Redirector and the SMB mini-redirector, against a real Samba.</summary>
public sealed class FileTests
{
    private SambaServer _samba = null!;
    private SambaRedirector _rdr = null!;

    [OneTimeSetUp]
    public async Task StartSamba() => _samba = await TestSamba.StartAsync();

    [OneTimeTearDown]
    public async Task StopSamba() => await _samba.DisposeAsync();

    [SetUp]
    public void NewRedirector() => _rdr = new SambaRedirector(_samba);

    [TearDown]
    public async Task DisposeRedirector() => await _rdr.DisposeAsync();

    private Redirector Redirector => _rdr.Redirector;

    private static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid():N}";

    [Test]
    public async Task WrittenData_ReadsBack_AndIsOnTheServersDisk()
    {
        var name = Unique("data");
        var data = new byte[3 * 1024 * 1024 + 17];
        Random.Shared.NextBytes(data);
        var handle = await _rdr.OpenAsync(SambaRedirector.Unc(name));
        Assert.That((await Redirector.WriteAsync(handle, 0, data)).Value, Is.EqualTo(data.Length));
        var back = new byte[data.Length];
        Assert.That((await Redirector.ReadAsync(handle, 0, back)).Value, Is.EqualTo(data.Length));
        await Redirector.CloseAsync(handle);
        Assert.Multiple(() =>
        {
            Assert.That(back, Is.EqualTo(data));
            Assert.That(File.ReadAllBytes(_rdr.OnDisk(name)), Is.EqualTo(data));
        });
    }

    [Test]
    public async Task NotifyChangeDirectory_OnAWatch_ReportsFilesAnotherHandleCreatesAndDeletes()
    {
        var directory = Unique("watched");
        Directory.CreateDirectory(_rdr.OnDisk(directory));
        var watch = (await Redirector.OpenWatchAsync(SambaRedirector.Unc(directory))).Value.Handle;
        const NtNotifyFilter names = NtNotifyFilter.FileName | NtNotifyFilter.DirName;
        // Samba registers the watch just after it takes the first request, so a file made in that instant goes
        // unreported: keep making files, half a second apart, until the one request waiting reports one of them.
        var waiting = Redirector.NotifyChangeDirectoryAsync(watch, names).AsTask();
        for (var i = 0; !waiting.IsCompleted && i < 20; i++)
        {
            await Redirector.CloseAsync(await _rdr.OpenAsync(SambaRedirector.Unc($@"{directory}\probe{i}")));
            await Task.WhenAny(waiting, Task.Delay(500));
        }
        var changes = (await waiting.WaitAsync(TimeSpan.FromSeconds(10))).Value!;
        var probe = changes.Where(c => c.Action == NtNotifyAction.Added).Select(c => c.Name).LastOrDefault() ?? "(none reported)";

        await Redirector.DeleteAsync(SambaRedirector.Unc($@"{directory}\{probe}"));
        // What the create's close queued may come first.
        var removed = new List<DirectoryChange>();
        while (!removed.Exists(c => c.Action == NtNotifyAction.Removed) && removed.Count < 10)
        {
            removed.AddRange((await Redirector.NotifyChangeDirectoryAsync(watch, names).AsTask().WaitAsync(TimeSpan.FromSeconds(10))).Value!);
        }
        await Redirector.CloseAsync(watch);

        Assert.Multiple(() =>
        {
            Assert.That(changes, Does.Contain(new DirectoryChange(NtNotifyAction.Added, probe)));
            Assert.That(removed, Does.Contain(new DirectoryChange(NtNotifyAction.Removed, probe)));
        });
    }

    [Test]
    public async Task Read_AtTheEnd_AnswersEndOfFile()
    {
        var name = Unique("eof");
        File.WriteAllBytes(_rdr.OnDisk(name), [1, 2, 3]);
        var handle = await _rdr.OpenAsync(SambaRedirector.Unc(name));
        var read = await Redirector.ReadAsync(handle, 3, new byte[10]);
        await Redirector.CloseAsync(handle);
        Assert.That(read.Status, Is.EqualTo(NtStatus.EndOfFile));
    }

    [Test]
    public async Task ReadBuffer_GivesTheBytesOfOneRead_AndAtTheEndAnswersEndOfFile_WithNoBuffer()
    {
        var name = Unique("buffer");
        File.WriteAllBytes(_rdr.OnDisk(name), [1, 2, 3, 4, 5]);
        var handle = await _rdr.OpenAsync(SambaRedirector.Unc(name));

        var read = await Redirector.ReadBufferAsync(handle, 1, 100);
        using var buffer = read.Value;
        var atEnd = await Redirector.ReadBufferAsync(handle, 5, 100);
        await Redirector.CloseAsync(handle);

        Assert.Multiple(() =>
        {
            Assert.That(read.Status, Is.EqualTo(NtStatus.Success));
            Assert.That(buffer!.Memory.ToArray(), Is.EqualTo(new byte[] { 2, 3, 4, 5 }));
            Assert.That(atEnd.Status, Is.EqualTo(NtStatus.EndOfFile));
            Assert.That(atEnd.Value, Is.Null);
        });
    }

    [Test]
    public async Task ReadAndReadBuffer_OfAHandleWithoutReadAccess_AnswerAccessDenied()
    {
        var name = Unique("writeonly");
        File.WriteAllBytes(_rdr.OnDisk(name), [1, 2, 3]);
        var handle = await _rdr.OpenAsync(SambaRedirector.Unc(name), new CreateParameters(NtAccessMask.WriteData, NtCreateDisposition.Open));

        var read = await Redirector.ReadAsync(handle, 0, new byte[10]);
        var readBuffer = await Redirector.ReadBufferAsync(handle, 0, 10);
        await Redirector.CloseAsync(handle);

        Assert.Multiple(() =>
        {
            Assert.That(read.Status, Is.EqualTo(NtStatus.AccessDenied));
            Assert.That(readBuffer.Status, Is.EqualTo(NtStatus.AccessDenied));
            Assert.That(readBuffer.Value, Is.Null);
        });
    }

    [Test]
    public async Task Create_MapsEveryDispositionOneToOne()
    {
        var name = Unique("disp");
        var path = SambaRedirector.Unc(name);
        var rw = NtAccessMask.GenericRead | NtAccessMask.GenericWrite;
        async Task<RxResult<OpenedFile>> Create(NtCreateDisposition d)
        {
            var r = await Redirector.CreateAsync(path, new CreateParameters(rw, d));
            if (r.IsSuccess)
            {
                await Redirector.CloseAsync(r.Value.Handle);
            }
            return r;
        }
        Assert.That((await Create(NtCreateDisposition.Open)).Status, Is.EqualTo(NtStatus.ObjectNameNotFound));
        Assert.That((await Create(NtCreateDisposition.Overwrite)).Status, Is.EqualTo(NtStatus.ObjectNameNotFound));
        Assert.That((await Create(NtCreateDisposition.Create)).Value.Action, Is.EqualTo(NtCreateAction.Created));
        Assert.That((await Create(NtCreateDisposition.Create)).Status, Is.EqualTo(NtStatus.ObjectNameCollision));
        Assert.That((await Create(NtCreateDisposition.OpenIf)).Value.Action, Is.EqualTo(NtCreateAction.Opened));
        Assert.That((await Create(NtCreateDisposition.OverwriteIf)).Value.Action, Is.EqualTo(NtCreateAction.Overwritten));
        Assert.That((await Create(NtCreateDisposition.Supersede)).Value.Action, Is.EqualTo(NtCreateAction.Superseded));
    }

    [Test]
    public async Task Create_OfADirectory_WithNonDirectoryFile_IsRefused()
    {
        var name = Unique("dir");
        Directory.CreateDirectory(_rdr.OnDisk(name));
        var opened = await Redirector.CreateAsync(SambaRedirector.Unc(name),
            new CreateParameters(NtAccessMask.GenericRead, NtCreateDisposition.Open, NtCreateOptions.NonDirectoryFile));
        Assert.That(opened.Status, Is.EqualTo(NtStatus.FileIsADirectory));
    }

    [Test]
    public async Task QueryPathInformation_ReportsSizeAndKind_InOneRoundTrip()
    {
        var name = Unique("stat");
        File.WriteAllBytes(_rdr.OnDisk(name), new byte[1234]);
        var file = await Redirector.QueryPathInformationAsync(SambaRedirector.Unc(name));
        var root = await Redirector.QueryPathInformationAsync(SambaRedirector.Unc(""));
        var missing = await Redirector.QueryPathInformationAsync(SambaRedirector.Unc(Unique("missing")));
        Assert.Multiple(() =>
        {
            Assert.That(file.Value.EndOfFile, Is.EqualTo(1234));
            Assert.That(file.Value.IsDirectory, Is.False);
            Assert.That(file.Value.LastWriteTime, Is.EqualTo(File.GetLastWriteTimeUtc(_rdr.OnDisk(name))).Within(TimeSpan.FromSeconds(1)));
            Assert.That(root.Value.IsDirectory, Is.True);
            Assert.That(missing.Status, Is.EqualTo(NtStatus.ObjectNameNotFound));
            Assert.That(Redirector.HandleCount, Is.Zero);
        });
    }

    [Test]
    public async Task QueryDirectory_ListsEveryEntry_WithoutDotEntries_ThenNoMoreFiles()
    {
        var dir = Unique("list");
        Directory.CreateDirectory(_rdr.OnDisk(dir));
        var names = Enumerable.Range(0, 300).Select(i => $"file{i:D3}.txt").ToList();
        foreach (var n in names)
        {
            File.WriteAllText(Path.Combine(_rdr.OnDisk(dir), n), n);
        }
        var handle = await _rdr.OpenAsync(SambaRedirector.Unc(dir), SambaRedirector.ListDirectory);
        var seen = new List<DirectoryEntry>();
        RxResult<IReadOnlyList<DirectoryEntry>> batch;
        while ((batch = await Redirector.QueryDirectoryAsync(handle)).IsSuccess)
        {
            seen.AddRange(batch.Value!);
        }
        await Redirector.CloseAsync(handle);
        Assert.Multiple(() =>
        {
            Assert.That(batch.Status, Is.EqualTo(NtStatus.NoMoreFiles));
            Assert.That(seen.Select(e => e.Name), Is.EquivalentTo(names));
            Assert.That(seen.Single(e => e.Name == "file007.txt").Information.EndOfFile, Is.EqualTo(11));
        });
    }

    [Test]
    public async Task Rename_ReplacesOnlyWhenAsked()
    {
        var a = Unique("a");
        var b = Unique("b");
        File.WriteAllText(_rdr.OnDisk(a), "A");
        File.WriteAllText(_rdr.OnDisk(b), "B");
        var refused = await Redirector.RenameAsync(SambaRedirector.Unc(a), SambaRedirector.Unc(b), replaceIfExists: false);
        var replaced = await Redirector.RenameAsync(SambaRedirector.Unc(a), SambaRedirector.Unc(b), replaceIfExists: true);
        Assert.Multiple(() =>
        {
            Assert.That(refused, Is.EqualTo(NtStatus.ObjectNameCollision));
            Assert.That(replaced, Is.EqualTo(NtStatus.Success));
            Assert.That(File.Exists(_rdr.OnDisk(a)), Is.False);
            Assert.That(File.ReadAllText(_rdr.OnDisk(b)), Is.EqualTo("A"));
        });
    }

    [Test]
    public async Task Rename_IntoAnotherDirectory_MovesTheFile()
    {
        var dir = Unique("into");
        var name = Unique("moved");
        Directory.CreateDirectory(_rdr.OnDisk(dir));
        File.WriteAllText(_rdr.OnDisk(name), "M");
        var status = await Redirector.RenameAsync(SambaRedirector.Unc(name), SambaRedirector.Unc($@"{dir}\{name}"), replaceIfExists: false);
        Assert.That(status, Is.EqualTo(NtStatus.Success));
        Assert.That(File.ReadAllText(Path.Combine(_rdr.OnDisk(dir), name)), Is.EqualTo("M"));
    }

    [Test]
    public async Task Delete_OfANonEmptyDirectory_FailsWithDirectoryNotEmpty_AndOfAFile_Deletes()
    {
        var dir = Unique("full");
        Directory.CreateDirectory(_rdr.OnDisk(dir));
        File.WriteAllText(Path.Combine(_rdr.OnDisk(dir), "f"), "x");
        Assert.That(await Redirector.DeleteAsync(SambaRedirector.Unc(dir)), Is.EqualTo(NtStatus.DirectoryNotEmpty));
        Assert.That(await Redirector.DeleteAsync(SambaRedirector.Unc($@"{dir}\f")), Is.EqualTo(NtStatus.Success));
        Assert.That(await Redirector.DeleteAsync(SambaRedirector.Unc(dir)), Is.EqualTo(NtStatus.Success));
        Assert.That(Directory.Exists(_rdr.OnDisk(dir)), Is.False);
    }

    [Test]
    public async Task SetEndOfFile_AndTimes_ReachTheServer()
    {
        var name = Unique("set");
        File.WriteAllBytes(_rdr.OnDisk(name), new byte[100]);
        var when = new DateTime(2001, 2, 3, 4, 5, 6, DateTimeKind.Utc);
        var handle = await _rdr.OpenAsync(SambaRedirector.Unc(name));
        var truncated = await Redirector.SetInformationAsync(handle, new SetEndOfFile(10));
        var touched = await Redirector.SetInformationAsync(handle, new SetBasicInformation(LastWriteTime: when));
        var info = await Redirector.QueryInformationAsync(handle);
        await Redirector.CloseAsync(handle);
        Assert.Multiple(() =>
        {
            Assert.That(truncated, Is.EqualTo(NtStatus.Success));
            Assert.That(touched, Is.EqualTo(NtStatus.Success));
            Assert.That(info.Value.EndOfFile, Is.EqualTo(10));
            Assert.That(new FileInfo(_rdr.OnDisk(name)).Length, Is.EqualTo(10));
            Assert.That(File.GetLastWriteTimeUtc(_rdr.OnDisk(name)), Is.EqualTo(when));
        });
    }

    [Test]
    public async Task Lock_HeldByOneHandle_RefusesAnotherAtOnce_UntilUnlocked()
    {
        var name = Unique("lock");
        var path = SambaRedirector.Unc(name);
        var first = await _rdr.OpenAsync(path);
        var second = await _rdr.OpenAsync(path);
        var locked = await Redirector.LockAsync(first, 0, 100, exclusive: true, failImmediately: true);
        var conflict = await Redirector.LockAsync(second, 50, 10, exclusive: true, failImmediately: true);
        var unlocked = await Redirector.UnlockAsync(first, 0, 100);
        var afterwards = await Redirector.LockAsync(second, 50, 10, exclusive: true, failImmediately: true);
        await Redirector.CloseAsync(first);
        await Redirector.CloseAsync(second);
        Assert.Multiple(() =>
        {
            Assert.That(locked, Is.EqualTo(NtStatus.Success));
            Assert.That(conflict, Is.EqualTo(NtStatus.LockNotGranted));
            Assert.That(unlocked, Is.EqualTo(NtStatus.Success));
            Assert.That(afterwards, Is.EqualTo(NtStatus.Success));
        });
    }

    [Test]
    public async Task QueryVolume_ReportsSizeAndFileSystem()
    {
        var volume = await Redirector.QueryVolumeAsync(SambaRedirector.Unc(""));
        Assert.Multiple(() =>
        {
            Assert.That(volume.Status, Is.EqualTo(NtStatus.Success));
            Assert.That(volume.Value!.TotalBytes, Is.GreaterThan(0));
            Assert.That(volume.Value.AvailableBytes, Is.InRange(0, volume.Value.TotalBytes));
            Assert.That(volume.Value.FileSystemName, Is.Not.Empty);
            Assert.That(volume.Value.MaximumComponentLength, Is.GreaterThanOrEqualTo(255));
        });
    }
}
