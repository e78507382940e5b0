namespace DokanRedirector.Dokan.Tests.Conformance;

/// <summary>MoveFileEx as the I/O manager sends it: FileRenameInformation on a handle opened with DELETE.</summary>
public sealed class RenameTests : SambaFixture
{
    private (NtStatus Status, FakeOpen Open) Move(string from, string to, bool replace)
    {
        var open = Io.Open(from, access: NtAccessMask.Delete | NtAccessMask.ReadAttributes | NtAccessMask.Synchronize,
            share: NtShareAccess.All);
        var status = Io.FileSystem.MoveFile(from, to, replace, ref open.Info);
        return (status, open);
    }

    [Test]
    public void Rename_AcrossDirectories_MovesTheFile_AndTheHandleFollows()
    {
        var a = Unique("a");
        var b = Unique("b");
        Directory.CreateDirectory(OnDisk(a));
        Directory.CreateDirectory(OnDisk(b));
        File.WriteAllText(OnDisk(a + @"\f.txt"), "moving");
        var (status, open) = Move(a + @"\f.txt", b + @"\g.txt", replace: false);
        var information = Io.Information(open);
        Io.CloseHandle(open);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(status, Is.EqualTo(NtStatus.Success));
            Assert.That(File.Exists(OnDisk(a + @"\f.txt")), Is.False);
            Assert.That(File.ReadAllText(OnDisk(b + @"\g.txt")), Is.EqualTo("moving"));
            Assert.That(information.FileSizeLow, Is.EqualTo(6));
        }
    }

    [Test]
    public void Rename_OntoAnExistingFile_WithoutReplace_AnswersObjectNameCollision()
    {
        var from = Unique("from");
        var to = Unique("to");
        File.WriteAllText(OnDisk(from), "new");
        File.WriteAllText(OnDisk(to), "old");
        var (status, open) = Move(from, to, replace: false);
        Io.CloseHandle(open);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(status, Is.EqualTo(NtStatus.ObjectNameCollision));
            Assert.That(File.ReadAllText(OnDisk(to)), Is.EqualTo("old"));
        }
    }

    [Test]
    public void Rename_OntoAnExistingFile_WithReplace_ReplacesIt()
    {
        var from = Unique("from");
        var to = Unique("to");
        File.WriteAllText(OnDisk(from), "new");
        File.WriteAllText(OnDisk(to), "old");
        var (status, open) = Move(from, to, replace: true);
        Io.CloseHandle(open);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(status, Is.EqualTo(NtStatus.Success));
            Assert.That(File.ReadAllText(OnDisk(to)), Is.EqualTo("new"));
            Assert.That(File.Exists(OnDisk(from)), Is.False);
        }
    }
}
