namespace DokanRedirector.Dokan.Tests.Conformance;

/// <summary>What Explorer does when it shows a folder of the drive.</summary>
public sealed class ExplorerTests : SambaFixture
{
    [Test]
    public void OpeningAFolder_ListsItsEntries_DescribesFolderAndVolume_AndLeavesNoHandle()
    {
        var folder = Unique("folder");
        Directory.CreateDirectory(OnDisk(folder + @"\sub"));
        File.WriteAllText(OnDisk(folder + @"\a.txt"), "hello");

        var (status, open) = Io.Create(folder, NtCreateDisposition.Open, IoManager.FileGenericRead,
            NtCreateOptions.DirectoryFile | NtCreateOptions.SynchronousIoNonAlert);
        var (found, names) = Io.Find(open, "*");
        var information = Io.Information(open);
        var volume = new char[64];
        var fsName = new char[16];
        var volumeStatus = Io.FileSystem.GetVolumeInformation(volume, out var serial, out var maxComponent, out var flags, fsName,
            ref open.Info);
        Io.CloseHandle(open);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(status, Is.EqualTo(NtStatus.Success));
            Assert.That(open.Info.IsDirectory, Is.EqualTo(1), "ZwCreateFile marks a directory");
            Assert.That(found, Is.EqualTo(NtStatus.Success));
            Assert.That(names, Is.EquivalentTo(new[] { ".", "..", "a.txt", "sub" }));
            Assert.That((NtFileAttributes)information.FileAttributes & NtFileAttributes.Directory, Is.EqualTo(NtFileAttributes.Directory));
            Assert.That(information.VolumeSerialNumber, Is.EqualTo(serial));
            Assert.That(volumeStatus, Is.EqualTo(NtStatus.Success));
            Assert.That(new string(volume, 0, Array.IndexOf(volume, '\0')), Is.EqualTo("share"), "label = share name");
            Assert.That(new string(fsName, 0, Array.IndexOf(fsName, '\0')), Is.EqualTo("NTFS"));
            Assert.That(flags, Is.EqualTo(NtFileSystemAttributes.CasePreservedNames | NtFileSystemAttributes.UnicodeOnDisk));
            Assert.That(maxComponent, Is.EqualTo(255));
            Assert.That(open.Info.Context, Is.Zero, "CloseFile clears the context");
            Assert.That(Drive.Redirector.HandleCount, Is.Zero);
            Assert.That(Drive.FileSystem.OpenHandleCount, Is.Zero);
        }
    }

    [Test]
    public void ListingTheRoot_HasNoDotAndDotDot_AsAVolumeRootHasNone()
    {
        var root = Io.OpenDirectory(@"\");
        var (status, names) = Io.Find(root, "*");
        Io.CloseHandle(root);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(status, Is.EqualTo(NtStatus.Success));
            Assert.That(names, Does.Not.Contain(".").And.Not.Contain(".."));
        }
    }

    [Test]
    public void FindFilesWithPattern_AppliesWindowsWildcards_CaseInsensitively()
    {
        var folder = Unique("pattern");
        Directory.CreateDirectory(OnDisk(folder));
        foreach (var name in new[] { "Report.TXT", "notes.txt", "a.b.txt", "image.png", "README" })
        {
            File.WriteAllText(OnDisk(folder + @"\" + name), "");
        }
        var open = Io.OpenDirectory(folder);
        var star = Io.Find(open, "*.txt").Names;
        var dosStar = Io.Find(open, "<.txt").Names;
        var question = Io.Find(open, "?????.txt").Names;
        var exact = Io.Find(open, "readme").Names;
        Io.CloseHandle(open);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(star, Is.EquivalentTo(new[] { "Report.TXT", "notes.txt", "a.b.txt" }));
            Assert.That(dosStar, Is.EquivalentTo(new[] { "Report.TXT", "notes.txt", "a.b.txt" }));
            Assert.That(question, Is.EqualTo(new[] { "notes.txt" }), "five characters, then .txt");
            Assert.That(exact, Is.EqualTo(new[] { "README" }));
        }
    }

    [Test]
    public void GetDiskFreeSpace_AnswersTheSharesSizes()
    {
        DokanFileInfo info = default;
        var status = Io.FileSystem.GetDiskFreeSpace(out var available, out var total, out var free, ref info);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(status, Is.EqualTo(NtStatus.Success));
            Assert.That(total, Is.GreaterThan(0UL));
            Assert.That(free, Is.LessThanOrEqualTo(total));
            Assert.That(available, Is.LessThanOrEqualTo(total));
        }
    }

    [Test]
    public void GetFileSecurity_AnswersBufferOverflowWithTheLengthNeeded_ThenTheDescriptor()
    {
        var open = Io.OpenDirectory(@"\");
        var requested = SecurityInformation.Owner | SecurityInformation.Group | SecurityInformation.Dacl;
        var small = Io.FileSystem.GetFileSecurity(@"\", requested, new byte[8], out var needed, ref open.Info);
        var buffer = new byte[needed];
        var full = Io.FileSystem.GetFileSecurity(@"\", requested, buffer, out var length, ref open.Info);
        Io.CloseHandle(open);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(small, Is.EqualTo(NtStatus.BufferOverflow));
            Assert.That(needed, Is.GreaterThan(20u));
            Assert.That(full, Is.EqualTo(NtStatus.Success));
            Assert.That(length, Is.EqualTo(needed));
            Assert.That(buffer, Is.EqualTo(DefaultSecurityDescriptor.Build(requested, isDirectory: true)));
        }
    }
}
