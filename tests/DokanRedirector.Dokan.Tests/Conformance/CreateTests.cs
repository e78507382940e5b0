namespace DokanRedirector.Dokan.Tests.Conformance;

/// <summary>ZwCreateFile's NTSTATUS for every disposition on an existing and a missing file, and the directory options.</summary>
public sealed class CreateTests : SambaFixture
{
    private static IEnumerable<TestCaseData> Dispositions()
    {
        // disposition, answer when the file exists, answer when it does not (dokan.h + dokan2.dll's create.c).
        yield return Case(NtCreateDisposition.Supersede, NtStatus.ObjectNameCollision, NtStatus.Success);
        yield return Case(NtCreateDisposition.Open, NtStatus.Success, NtStatus.ObjectNameNotFound);
        yield return Case(NtCreateDisposition.Create, NtStatus.ObjectNameCollision, NtStatus.Success);
        yield return Case(NtCreateDisposition.OpenIf, NtStatus.ObjectNameCollision, NtStatus.Success);
        yield return Case(NtCreateDisposition.Overwrite, NtStatus.Success, NtStatus.ObjectNameNotFound);
        yield return Case(NtCreateDisposition.OverwriteIf, NtStatus.ObjectNameCollision, NtStatus.Success);
    }

    private static TestCaseData Case(NtCreateDisposition disposition, NtStatus existing, NtStatus missing) =>
        new TestCaseData(disposition, existing, missing).SetArgDisplayNames(disposition.ToString(), existing.Name, missing.Name);

    [TestCaseSource(nameof(Dispositions))]
    public void Disposition_AnswersWindowsStatus_OnAnExistingAndAMissingFile(NtCreateDisposition disposition, NtStatus existing, NtStatus missing)
    {
        var present = Unique("present");
        File.WriteAllText(OnDisk(present), "content");
        var absent = Unique("absent");

        var (onExisting, existingOpen) = Io.Create(present, disposition);
        var (onMissing, missingOpen) = Io.Create(absent, disposition);
        var opened = existingOpen.Info.Context != 0;
        var created = missingOpen.Info.Context != 0;
        CloseIfOpen(existingOpen);
        CloseIfOpen(missingOpen);

        var truncates = disposition is NtCreateDisposition.Supersede or NtCreateDisposition.Overwrite or NtCreateDisposition.OverwriteIf;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(onExisting, Is.EqualTo(existing), "on an existing file");
            Assert.That(onMissing, Is.EqualTo(missing), "on a missing file");
            Assert.That(opened, Is.EqualTo(disposition != NtCreateDisposition.Create), "a context only for an open that succeeded");
            Assert.That(created, Is.EqualTo(missing.IsSuccess));
            Assert.That(File.Exists(OnDisk(absent)), Is.EqualTo(missing.IsSuccess));
            Assert.That(File.ReadAllText(OnDisk(present)), Is.EqualTo(truncates ? "" : "content"));
            Assert.That(Drive.Redirector.HandleCount, Is.Zero);
        }
    }

    [Test]
    public void DirectoryFile_OnAFile_AnswersNotADirectory()
    {
        var name = Unique("file");
        File.WriteAllText(OnDisk(name), "");
        var (status, open) = Io.Create(name, NtCreateDisposition.Open, options: NtCreateOptions.DirectoryFile);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(status, Is.EqualTo(NtStatus.NotADirectory));
            Assert.That(open.Info.Context, Is.Zero);
        }
    }

    [Test]
    public void NonDirectoryFile_OnADirectory_AnswersFileIsADirectory()
    {
        var name = Unique("dir");
        Directory.CreateDirectory(OnDisk(name));
        var (status, _) = Io.Create(name, NtCreateDisposition.Open, options: NtCreateOptions.NonDirectoryFile);
        Assert.That(status, Is.EqualTo(NtStatus.FileIsADirectory));
    }

    [Test]
    public void NeitherOption_OnADirectory_OpensIt_AndMarksItADirectory()
    {
        var name = Unique("plain");
        Directory.CreateDirectory(OnDisk(name));
        var (status, open) = Io.Create(name, NtCreateDisposition.Open, IoManager.FileGenericRead);
        var isDirectory = open.Info.IsDirectory;
        Io.CloseHandle(open);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(status, Is.EqualTo(NtStatus.Success));
            Assert.That(isDirectory, Is.EqualTo(1));
        }
    }

    [Test]
    public void CreateWithDirectoryFile_MakesADirectory()
    {
        var name = Unique("made");
        var (status, open) = Io.Create(name, NtCreateDisposition.Create, IoManager.FileGenericRead, NtCreateOptions.DirectoryFile);
        Io.CloseHandle(open);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(status, Is.EqualTo(NtStatus.Success));
            Assert.That(open.Info.IsDirectory, Is.EqualTo(1));
            Assert.That(Directory.Exists(OnDisk(name)), Is.True);
        }
    }

    [Test]
    public void OpenBelowAMissingFolder_AnswersPathNotFound()
    {
        var (status, _) = Io.Create(Unique("nowhere") + @"\file", NtCreateDisposition.Open);
        Assert.That(status, Is.EqualTo(NtStatus.ObjectPathNotFound));
    }

    private void CloseIfOpen(FakeOpen open)
    {
        if (open.Info.Context != 0)
        {
            Io.CloseHandle(open);
        }
    }
}
