using DokanRedirector.Fuse.FileSystem;
using DokanRedirector.Fuse.Native;

namespace DokanRedirector.Fuse.Tests.FileSystem;

public sealed class AttributeChangeTests
{
    private static AttributeChange Chmod(uint mode) => new(null, null, null, mode, null, null);

    [Test]
    public void Chmod_WithoutWriteBits_SetsReadOnly() =>
        Assert.That(Chmod(0x124).AttributesFor(NtFileAttributes.Archive), Is.EqualTo(NtFileAttributes.Archive | NtFileAttributes.ReadOnly));

    [Test]
    public void Chmod_WithAWriteBit_ClearsReadOnly_AndSendsNormalWhenNothingIsLeft() =>
        Assert.That(Chmod(0x180).AttributesFor(NtFileAttributes.ReadOnly), Is.EqualTo(NtFileAttributes.Normal));

    [Test]
    public void Chmod_ThatKeepsTheWriteBits_ChangesNothing() =>
        Assert.That(Chmod(0x1ED).AttributesFor(NtFileAttributes.Archive), Is.Null);

    [Test]
    public void Chmod_OfADirectory_ChangesNothing() =>
        Assert.That(Chmod(0x16D).AttributesFor(NtFileAttributes.Directory), Is.Null);

    [Test]
    public void From_ReadsOnlyTheFieldsInToSet()
    {
        var stat = new Stat { Size = 42, Mode = 0x1A4, ModificationTime = new Timespec { Seconds = 1_000_000_000 } };

        var change = AttributeChange.From(stat, SetAttrFlags.Size | SetAttrFlags.ModificationTime);

        Assert.That(change.Size, Is.EqualTo(42));
        Assert.That(change.WriteTime, Is.EqualTo(DateTime.UnixEpoch.AddSeconds(1_000_000_000)));
        Assert.That(change.AccessTime, Is.Null);
        Assert.That(change.Mode, Is.Null);
    }

    [Test]
    public void KeepsOwner_OnlyForTheMountingUser()
    {
        var mapping = new StatMapping(1000, 1000);

        Assert.That(new AttributeChange(null, null, null, null, 1000, 1000).KeepsOwner(mapping));
        Assert.That(new AttributeChange(null, null, null, null, 0, null).KeepsOwner(mapping), Is.False);
    }
}
