namespace DokanRedirector.Dokan.Tests.Conformance;

/// <summary>How programs write files: Notepad's save, CopyFileEx with replace, appends and the cache manager's paging writes.</summary>
public sealed class SavingTests : SambaFixture
{
    [Test]
    public void NotepadSavingOverAnExistingFile_CreateAlwaysWriteFlushCleanupClose_PutsTheBytesOnTheShare()
    {
        var name = Unique("notepad") + ".txt";
        File.WriteAllText(OnDisk(name), "the old, longer text of the file");
        var text = "saved by notepad\r\n"u8.ToArray();

        var (created, open) = Io.Create(name, NtCreateDisposition.OverwriteIf, share: NtShareAccess.Read);
        var written = Io.Write(open, text, 0, out var count);
        var flushed = Io.FileSystem.FlushFileBuffers(name, ref open.Info);
        Io.CloseHandle(open);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(created, Is.EqualTo(NtStatus.ObjectNameCollision), "CREATE_ALWAYS on an existing file (dokan.h)");
            Assert.That(written, Is.EqualTo(NtStatus.Success));
            Assert.That(count, Is.EqualTo(text.Length));
            Assert.That(flushed, Is.EqualTo(NtStatus.Success));
            Assert.That(File.ReadAllBytes(OnDisk(name)), Is.EqualTo(text));
            Assert.That(Drive.Redirector.HandleCount, Is.Zero);
        }
    }

    [Test]
    public void NotepadSavingANewFile_CreateAlwaysAnswersSuccess()
    {
        var name = Unique("new") + ".txt";
        var (created, open) = Io.Create(name, NtCreateDisposition.OverwriteIf);
        Io.Write(open, "new"u8.ToArray(), 0, out _);
        Io.CloseHandle(open);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(created, Is.EqualTo(NtStatus.Success));
            Assert.That(File.ReadAllText(OnDisk(name)), Is.EqualTo("new"));
        }
    }

    [Test]
    public void CopyWithReplace_OverwritesTheTarget_WithTheSourcesBytesAndTime()
    {
        var source = Unique("source");
        var target = Unique("target");
        var data = new byte[300_000];
        Random.Shared.NextBytes(data);
        File.WriteAllBytes(OnDisk(source), data);
        File.WriteAllText(OnDisk(target), "to be replaced, and longer than nothing");
        var stamp = new DateTime(2021, 3, 4, 5, 6, 7, DateTimeKind.Utc);

        // CopyFileEx: source for reading, target CREATE_ALWAYS, size set first, chunks, times, close both.
        var from = Io.Open(source, access: IoManager.FileGenericRead);
        var (created, to) = Io.Create(target, NtCreateDisposition.OverwriteIf);
        var sized = Io.FileSystem.SetEndOfFile(target, data.Length, ref to.Info);
        for (var offset = 0; offset < data.Length; offset += 65536)
        {
            var (_, chunk) = Io.Read(from, offset, 65536);
            Io.Write(to, chunk, offset, out _);
        }
        var timed = Io.FileSystem.SetFileTime(target, null, null, stamp.ToFileTimeUtc(), ref to.Info);
        Io.CloseHandle(from);
        Io.CloseHandle(to);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(created, Is.EqualTo(NtStatus.ObjectNameCollision));
            Assert.That(sized, Is.EqualTo(NtStatus.Success));
            Assert.That(timed, Is.EqualTo(NtStatus.Success));
            Assert.That(File.ReadAllBytes(OnDisk(target)), Is.EqualTo(data));
            Assert.That(File.GetLastWriteTimeUtc(OnDisk(target)), Is.EqualTo(stamp));
            Assert.That(Drive.Redirector.HandleCount, Is.Zero);
        }
    }

    [Test]
    public void WriteToEndOfFile_AndOffsetMinusOne_Append()
    {
        var name = Unique("append");
        File.WriteAllText(OnDisk(name), "one");
        var open = Io.Open(name);
        open.Info.WriteToEndOfFile = 1;
        var first = Io.Write(open, "two"u8.ToArray(), 0, out _);
        open.Info.WriteToEndOfFile = 0;
        var second = Io.Write(open, "three"u8.ToArray(), -1, out _);
        Io.CloseHandle(open);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(first, Is.EqualTo(NtStatus.Success));
            Assert.That(second, Is.EqualTo(NtStatus.Success));
            Assert.That(File.ReadAllText(OnDisk(name)), Is.EqualTo("onetwothree"));
        }
    }

    [Test]
    public void PagingWrite_DoesNotExtendTheFile()
    {
        var name = Unique("paging");
        File.WriteAllText(OnDisk(name), "0123456789");
        var open = Io.Open(name);
        open.Info.PagingIo = 1;
        var page = new byte[4096];
        page.AsSpan().Fill((byte)'x');
        var across = Io.Write(open, page, 8, out var acrossCount);
        var beyond = Io.Write(open, page, 4096, out var beyondCount);
        Io.CloseHandle(open);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(across, Is.EqualTo(NtStatus.Success));
            Assert.That(acrossCount, Is.EqualTo(2), "cut at the end of file");
            Assert.That(beyond, Is.EqualTo(NtStatus.Success));
            Assert.That(beyondCount, Is.Zero);
            Assert.That(File.ReadAllText(OnDisk(name)), Is.EqualTo("01234567xx"));
        }
    }

    [Test]
    public void ReadAtTheEnd_AnswersEndOfFile_WithNothingRead()
    {
        var name = Unique("eof");
        File.WriteAllText(OnDisk(name), "abc");
        var open = Io.Open(name, access: IoManager.FileGenericRead);
        var (status, data) = Io.Read(open, 3, 10);
        Io.CloseHandle(open);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(status, Is.EqualTo(NtStatus.EndOfFile));
            Assert.That(data, Is.Empty);
        }
    }

    [Test]
    public void SetAllocationSize_BelowTheEnd_Truncates_AndSetEndOfFile_Extends()
    {
        var name = Unique("sizes");
        File.WriteAllText(OnDisk(name), "0123456789");
        var open = Io.Open(name);
        var truncated = Io.FileSystem.SetAllocationSize(name, 4, ref open.Info);
        var afterTruncate = Io.Information(open).FileSizeLow;
        var extended = Io.FileSystem.SetEndOfFile(name, 100, ref open.Info);
        var afterExtend = Io.Information(open).FileSizeLow;
        Io.CloseHandle(open);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(truncated, Is.EqualTo(NtStatus.Success));
            Assert.That(afterTruncate, Is.EqualTo(4));
            Assert.That(extended, Is.EqualTo(NtStatus.Success));
            Assert.That(afterExtend, Is.EqualTo(100));
            Assert.That(new FileInfo(OnDisk(name)).Length, Is.EqualTo(100));
        }
    }

    [Test]
    public void SetFileAttributes_ChangesThem_AndZeroLeavesThemAlone()
    {
        var name = Unique("attributes");
        File.WriteAllText(OnDisk(name), "");
        var open = Io.Open(name);
        var hidden = Io.FileSystem.SetFileAttributes(name, NtFileAttributes.Hidden | NtFileAttributes.Archive, ref open.Info);
        var unchanged = Io.FileSystem.SetFileAttributes(name, NtFileAttributes.None, ref open.Info);
        var attributes = (NtFileAttributes)Io.Information(open).FileAttributes;
        Io.CloseHandle(open);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(hidden, Is.EqualTo(NtStatus.Success));
            Assert.That(unchanged, Is.EqualTo(NtStatus.Success));
            Assert.That(attributes & NtFileAttributes.Hidden, Is.EqualTo(NtFileAttributes.Hidden));
        }
    }
}
