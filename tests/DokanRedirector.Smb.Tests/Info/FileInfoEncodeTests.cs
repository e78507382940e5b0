using DokanRedirector.Smb.Info;
using DokanRedirector.Smb.Tests.Crypto;

namespace DokanRedirector.Smb.Tests.Info;

public class FileInfoEncodeTests
{
    [Test]
    public void Basic_Is40Bytes_WithTheSetSentinelsAsWritten()
    {
        var info = new FileBasicInformation(
            0x01D9_1234_5678_9ABC, FileBasicInformation.Unchanged, FileBasicInformation.StopUpdates, FileBasicInformation.ResumeUpdates,
            NtFileAttributes.Hidden | NtFileAttributes.Archive);

        Assert.That(TestHex.Of(info.ToBytes()), Is.EqualTo(
            "BC9A78563412D901" // CreationTime
            + "0000000000000000" // LastAccessTime: 0, leave alone
            + "FFFFFFFFFFFFFFFF" // LastWriteTime: -1, stop updating
            + "FEFFFFFFFFFFFFFF" // ChangeTime: -2, resume updating
            + "22000000" // FileAttributes
            + "00000000")); // Reserved
    }

    [Test]
    public void Basic_RoundTrips()
    {
        var info = new FileBasicInformation(1, 2, 3, 4, NtFileAttributes.Directory);

        Assert.That(FileBasicInformation.Read(info.ToBytes()), Is.EqualTo(info));
    }

    [Test]
    public void Rename_UsesTheSmb2Layout_WithAShareRelativeName()
    {
        var info = new FileRenameInformation(ReplaceIfExists: true, @"dir\new.txt");

        Assert.That(TestHex.Of(info.ToBytes()), Is.EqualTo(
            "01" // ReplaceIfExists
            + "00000000000000" // Reserved (7)
            + "0000000000000000" // RootDirectory
            + "16000000" // FileNameLength: 11 UTF-16 units
            + "6400690072005C006E00650077002E00740078007400"));
    }

    [Test]
    public void Rename_OfAOneLetterName_IsPaddedTo24Bytes()
    {
        var bytes = new FileRenameInformation(ReplaceIfExists: false, "a").ToBytes();

        Assert.That(TestHex.Of(bytes), Is.EqualTo("00" + "00000000000000" + "0000000000000000" + "02000000" + "6100" + "0000"));
    }

    [TestCase(@"\dir\new.txt")]
    [TestCase("")]
    public void Rename_RefusesANameThatIsNotShareRelative(string name)
    {
        Assert.That(() => new FileRenameInformation(false, name), Throws.InstanceOf<ArgumentException>());
    }

    [Test]
    public void SmallSetters_AreTheirFieldsLittleEndian()
    {
        Assert.Multiple(() =>
        {
            Assert.That(TestHex.Of(new FileDispositionInformation(DeletePending: true).ToBytes()), Is.EqualTo("01"));
            Assert.That(TestHex.Of(new FileDispositionInformation(DeletePending: false).ToBytes()), Is.EqualTo("00"));
            Assert.That(TestHex.Of(new FileEndOfFileInformation(0x0102030405).ToBytes()), Is.EqualTo("0504030201000000"));
            Assert.That(TestHex.Of(new FileAllocationInformation(1 << 20).ToBytes()), Is.EqualTo("0000100000000000"));
        });
    }

    [Test]
    public void Sizes_CannotBeNegative()
    {
        Assert.Multiple(() =>
        {
            Assert.That(() => new FileEndOfFileInformation(-1), Throws.InstanceOf<ArgumentOutOfRangeException>());
            Assert.That(() => new FileAllocationInformation(-1), Throws.InstanceOf<ArgumentOutOfRangeException>());
        });
    }

    [Test]
    public void SetInfoTypes_NameTheirInfoTypeAndClass()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Describe<FileBasicInformation>(), Is.EqualTo((SmbInfoType.File, 4)));
            Assert.That(Describe<FileRenameInformation>(), Is.EqualTo((SmbInfoType.File, 10)));
            Assert.That(Describe<FileDispositionInformation>(), Is.EqualTo((SmbInfoType.File, 13)));
            Assert.That(Describe<FileAllocationInformation>(), Is.EqualTo((SmbInfoType.File, 19)));
            Assert.That(Describe<FileEndOfFileInformation>(), Is.EqualTo((SmbInfoType.File, 20)));
        });
    }

    private static (SmbInfoType, int) Describe<T>()
        where T : ISmbSetInfo => (T.InfoType, T.InfoClass);
}
