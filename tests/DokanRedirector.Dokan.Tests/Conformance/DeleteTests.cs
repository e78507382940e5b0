namespace DokanRedirector.Dokan.Tests.Conformance;

/// <summary>Deletion: the checks in DeleteFile/DeleteDirectory, the delete itself in Cleanup, and FILE_DELETE_ON_CLOSE.</summary>
public sealed class DeleteTests : SambaFixture
{
    [Test]
    public void DeleteOnClose_RemovesTheFileAtCleanup_BeforeCloseFile()
    {
        var name = Unique("temp");
        var (status, open) = Io.Create(name, NtCreateDisposition.Create,
            IoManager.ReadWrite | NtAccessMask.Delete, NtCreateOptions.DeleteOnClose | NtCreateOptions.NonDirectoryFile);
        Io.Write(open, "scratch"u8.ToArray(), 0, out _);
        var existedWhileOpen = File.Exists(OnDisk(name));
        open.Info.DeletePending = 1; // the kernel's doing for the last handle of a FILE_DELETE_ON_CLOSE object
        Io.FileSystem.Cleanup(name, ref open.Info);
        var existsAfterCleanup = File.Exists(OnDisk(name));
        Io.FileSystem.CloseFile(name, ref open.Info);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(status, Is.EqualTo(NtStatus.Success));
            Assert.That(existedWhileOpen, Is.True);
            Assert.That(existsAfterCleanup, Is.False);
            Assert.That(Drive.Redirector.HandleCount, Is.Zero);
        }
    }

    [Test]
    public void DeleteOnClose_OfAReadOnlyFile_AnswersCannotDelete()
    {
        var name = Unique("readonly");
        File.WriteAllText(OnDisk(name), "");
        var make = Io.Open(name);
        Io.FileSystem.SetFileAttributes(name, NtFileAttributes.ReadOnly, ref make.Info);
        Io.CloseHandle(make);
        var (status, open) = Io.Create(name, NtCreateDisposition.Open, NtAccessMask.Delete | NtAccessMask.ReadAttributes,
            NtCreateOptions.DeleteOnClose);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(status, Is.EqualTo(NtStatus.CannotDelete));
            Assert.That(open.Info.Context, Is.Zero);
            Assert.That(File.Exists(OnDisk(name)), Is.True);
        }
    }

    [Test]
    public void DeleteFile_ChecksThenCleanupDeletes()
    {
        var name = Unique("doomed");
        File.WriteAllText(OnDisk(name), "bye");
        var status = Io.Delete(name, directory: false);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(status, Is.EqualTo(NtStatus.Success));
            Assert.That(File.Exists(OnDisk(name)), Is.False);
            Assert.That(Drive.Redirector.HandleCount, Is.Zero);
        }
    }

    [Test]
    public void DeleteFile_OfAReadOnlyFile_AnswersCannotDelete_AndKeepsIt()
    {
        var name = Unique("keep");
        File.WriteAllText(OnDisk(name), "");
        var make = Io.Open(name);
        Io.FileSystem.SetFileAttributes(name, NtFileAttributes.ReadOnly, ref make.Info);
        Io.CloseHandle(make);
        var status = Io.Delete(name, directory: false);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(status, Is.EqualTo(NtStatus.CannotDelete));
            Assert.That(File.Exists(OnDisk(name)), Is.True);
        }
    }

    [Test]
    public void DeleteDirectory_ThatIsNotEmpty_AnswersDirectoryNotEmpty_AndKeepsIt()
    {
        var name = Unique("full");
        Directory.CreateDirectory(OnDisk(name));
        File.WriteAllText(OnDisk(name + @"\child"), "");
        var status = Io.Delete(name, directory: true);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(status, Is.EqualTo(NtStatus.DirectoryNotEmpty));
            Assert.That(Directory.Exists(OnDisk(name)), Is.True);
        }
    }

    [Test]
    public void DeleteDirectory_ThatIsEmpty_RemovesIt()
    {
        var name = Unique("empty");
        Directory.CreateDirectory(OnDisk(name));
        var status = Io.Delete(name, directory: true);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(status, Is.EqualTo(NtStatus.Success));
            Assert.That(Directory.Exists(OnDisk(name)), Is.False);
        }
    }

    [Test]
    public void DeleteFile_CalledOff_NeedsNothing()
    {
        var name = Unique("spared");
        File.WriteAllText(OnDisk(name), "");
        var open = Io.Open(name, access: NtAccessMask.Delete | NtAccessMask.ReadAttributes);
        open.Info.DeletePending = 0; // FileDispositionInformation with DeleteFile = FALSE
        var status = Io.FileSystem.DeleteFile(name, ref open.Info);
        Io.CloseHandle(open);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(status, Is.EqualTo(NtStatus.Success));
            Assert.That(File.Exists(OnDisk(name)), Is.True);
        }
    }
}
