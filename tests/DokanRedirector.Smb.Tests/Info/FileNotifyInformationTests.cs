using System.Buffers.Binary;

namespace DokanRedirector.Smb.Tests.Info;

public class FileNotifyInformationTests
{
    private const int Fixed = 12; // NextEntryOffset, Action, FileNameLength

    [Test]
    public void ReadAll_OneEntry_DecodesTheActionAndTheName()
    {
        var changes = FileNotifyInformation.ReadAll(FsccBuffers.Notify(NtNotifyAction.Added, "report.docx"));

        Assert.That(changes, Is.EqualTo(new[] { new FileNotifyInformation(NtNotifyAction.Added, "report.docx") }));
    }

    [Test]
    public void ReadAll_SeveralEntries_FollowsTheChainInOrder_AndKeepsSubdirectoryPaths()
    {
        var buffer = FsccBuffers.NotifyChain(
            FsccBuffers.Notify(NtNotifyAction.RenamedOldName, "a.txt"),
            FsccBuffers.Notify(NtNotifyAction.RenamedNewName, "b.txt"),
            FsccBuffers.Notify(NtNotifyAction.Modified, @"sub\deep name.bin"));

        var changes = FileNotifyInformation.ReadAll(buffer);

        Assert.That(changes, Is.EqualTo(new[]
        {
            new FileNotifyInformation(NtNotifyAction.RenamedOldName, "a.txt"),
            new FileNotifyInformation(NtNotifyAction.RenamedNewName, "b.txt"),
            new FileNotifyInformation(NtNotifyAction.Modified, @"sub\deep name.bin"),
        }));
    }

    [Test]
    public void ReadAll_AnEmptyBuffer_IsNoChanges()
    {
        Assert.That(FileNotifyInformation.ReadAll([]), Is.Empty);
    }

    [Test]
    public void ReadAll_StopsAtAZeroNextEntryOffset_IgnoringTrailingPadding()
    {
        byte[] buffer = [.. FsccBuffers.Notify(NtNotifyAction.Removed, "gone"), .. new byte[16]];

        Assert.That(FileNotifyInformation.ReadAll(buffer), Is.EqualTo(new[] { new FileNotifyInformation(NtNotifyAction.Removed, "gone") }));
    }

    [Test]
    public void ReadAll_AnUnknownAction_IsKeptAsItsRawValue()
    {
        var changes = FileNotifyInformation.ReadAll(FsccBuffers.Notify((NtNotifyAction)9, "x")); // FILE_ACTION_REMOVED_BY_DELETE

        Assert.That(changes.Single().Action, Is.EqualTo((NtNotifyAction)9));
    }

    [TestCase(0xFFFFFFFCu, TestName = "NextEntryOffset_ThatWouldWrapBackwards_IsRejected")]
    [TestCase(4u, TestName = "NextEntryOffset_InsideTheEntry_IsRejected_SoTheWalkCannotLoop")]
    [TestCase(18u, TestName = "NextEntryOffset_Unaligned_IsRejected")]
    [TestCase(64u, TestName = "NextEntryOffset_PastTheBuffer_IsRejected")]
    [TestCase(32u, TestName = "NextEntryOffset_AtTheBuffersEnd_IsRejected")]
    public void BadNextEntryOffset(uint nextEntryOffset)
    {
        var buffer = FsccBuffers.NotifyChain(FsccBuffers.Notify(NtNotifyAction.Added, "ab"), FsccBuffers.Notify(NtNotifyAction.Added, "cd")); // 16 + 16 bytes
        BinaryPrimitives.WriteUInt32LittleEndian(buffer, nextEntryOffset);

        Assert.That(() => FileNotifyInformation.ReadAll(buffer), Throws.TypeOf<SmbProtocolException>().With.Message.Contains("NextEntryOffset"));
    }

    [Test]
    public void ASecondEntryThatPointsBackToTheFirst_IsRejected()
    {
        var buffer = FsccBuffers.NotifyChain(FsccBuffers.Notify(NtNotifyAction.Added, "ab"), FsccBuffers.Notify(NtNotifyAction.Added, "cd"));
        BinaryPrimitives.WriteUInt32LittleEndian(buffer.AsSpan(16), unchecked((uint)-16));

        Assert.That(() => FileNotifyInformation.ReadAll(buffer), Throws.TypeOf<SmbProtocolException>().With.Message.Contains("NextEntryOffset"));
    }

    [Test]
    public void BadFileNameLengths_AndTruncatedHeaders_AreProtocolErrors()
    {
        var odd = FsccBuffers.Notify(NtNotifyAction.Added, "name");
        BinaryPrimitives.WriteUInt32LittleEndian(odd.AsSpan(8), 7);
        var pastTheBuffer = FsccBuffers.Notify(NtNotifyAction.Added, "name");
        BinaryPrimitives.WriteUInt32LittleEndian(pastTheBuffer.AsSpan(8), 10);
        var huge = FsccBuffers.Notify(NtNotifyAction.Added, "name");
        BinaryPrimitives.WriteUInt32LittleEndian(huge.AsSpan(8), 0xFFFFFFFE);
        var intoTheNextEntry = FsccBuffers.NotifyChain(FsccBuffers.Notify(NtNotifyAction.Added, "ab"), FsccBuffers.Notify(NtNotifyAction.Added, "cd"));
        BinaryPrimitives.WriteUInt32LittleEndian(intoTheNextEntry.AsSpan(8), 8); // 12 + 8 > NextEntryOffset 16
        var truncated = FsccBuffers.Notify(NtNotifyAction.Added, "name")[..(Fixed - 1)];
        var truncatedSecond = FsccBuffers.NotifyChain(FsccBuffers.Notify(NtNotifyAction.Added, "ab"), FsccBuffers.Notify(NtNotifyAction.Added, "cd"))[..24];

        Assert.Multiple(() =>
        {
            Assert.That(() => FileNotifyInformation.ReadAll(odd), Throws.TypeOf<SmbProtocolException>().With.Message.Contains("FileName"));
            Assert.That(() => FileNotifyInformation.ReadAll(pastTheBuffer), Throws.TypeOf<SmbProtocolException>().With.Message.Contains("FileName"));
            Assert.That(() => FileNotifyInformation.ReadAll(huge), Throws.TypeOf<SmbProtocolException>().With.Message.Contains("FileName"));
            Assert.That(() => FileNotifyInformation.ReadAll(intoTheNextEntry), Throws.TypeOf<SmbProtocolException>().With.Message.Contains("NextEntryOffset"));
            Assert.That(() => FileNotifyInformation.ReadAll(truncated), Throws.TypeOf<SmbProtocolException>().With.Message.Contains("fixed part"));
            Assert.That(() => FileNotifyInformation.ReadAll(truncatedSecond), Throws.TypeOf<SmbProtocolException>().With.Message.Contains("fixed part"));
        });
    }

    [Test]
    public void ReadAll_ThousandsOfMutatedChains_EndWithChangesOrAProtocolError_NeverAHang()
    {
        byte[][] seeds =
        [
            FsccBuffers.NotifyChain(FsccBuffers.Notify(NtNotifyAction.Added, "a.txt"), FsccBuffers.Notify(NtNotifyAction.RenamedOldName, "b"), FsccBuffers.Notify(NtNotifyAction.RenamedNewName, @"sub\c.bin")),
        ];
        var maxChanges = 0;

        var outcome = Fuzz.Run(271, 20000, seeds, buffer =>
        {
            var changes = FileNotifyInformation.ReadAll(buffer);
            Assert.That(changes, Has.Count.LessThanOrEqualTo(buffer.Length / Fixed), "each entry takes at least its fixed part");
            maxChanges = Math.Max(maxChanges, changes.Count);
        });

        Fuzz.AssertBothOutcomes(outcome, 20000);
        Assert.That(maxChanges, Is.EqualTo(3));
    }
}
