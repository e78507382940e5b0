using DokanRedirector.Fuse.FileSystem;

namespace DokanRedirector.Fuse.Tests.FileSystem;

public sealed class InodeTableTests
{
    private InodeTable _table = null!;

    [SetUp]
    public void Create() => _table = new InodeTable();

    [Test]
    public void Lookup_OfTheSameName_GivesTheSameInode_AndANewNameANewOne()
    {
        var a = _table.Lookup(InodeTable.RootIno, "a");
        var again = _table.Lookup(InodeTable.RootIno, "a");
        var b = _table.Lookup(InodeTable.RootIno, "b");

        Assert.That(again, Is.EqualTo(a));
        Assert.That(b, Is.Not.EqualTo(a).And.Not.EqualTo(InodeTable.RootIno));
    }

    [Test]
    public void PathOf_JoinsTheNamesFromTheRoot()
    {
        var dir = _table.Lookup(InodeTable.RootIno, "dir");
        var file = _table.Lookup(dir, "file.txt");

        Assert.That(_table.PathOf(InodeTable.RootIno), Is.EqualTo(""));
        Assert.That(_table.PathOf(file), Is.EqualTo("dir/file.txt"));
        Assert.That(_table.PathOf(dir, "new"), Is.EqualTo("dir/new"));
    }

    [Test]
    public void Forget_OfEveryLookup_RemovesTheInode_AndANewLookupGetsANewNumber()
    {
        var a = _table.Lookup(InodeTable.RootIno, "a");
        _table.Lookup(InodeTable.RootIno, "a");

        _table.Forget(a, 1);
        Assert.That(_table.PathOf(a), Is.EqualTo("a"), "one lookup is left");
        _table.Forget(a, 1);

        Assert.That(_table.PathOf(a), Is.Null);
        Assert.That(_table.Count, Is.EqualTo(1));
        Assert.That(_table.Lookup(InodeTable.RootIno, "a"), Is.Not.EqualTo(a), "numbers are never reused");
    }

    [Test]
    public void Forget_OfADirectory_KeepsItWhileAChildIsKnown()
    {
        var dir = _table.Lookup(InodeTable.RootIno, "dir");
        var file = _table.Lookup(dir, "f");

        _table.Forget(dir, 1);
        Assert.That(_table.PathOf(file), Is.EqualTo("dir/f"));

        _table.Forget(file, 1);
        Assert.That(_table.Count, Is.EqualTo(1), "the directory goes with its last child");
    }

    [Test]
    public void Forget_OfTheRoot_IsIgnored()
    {
        _table.Forget(InodeTable.RootIno, 100);

        Assert.That(_table.PathOf(InodeTable.RootIno), Is.EqualTo(""));
    }

    [Test]
    public void Rename_OfADirectory_MovesItsWholeSubtree()
    {
        var dir = _table.Lookup(InodeTable.RootIno, "old");
        var sub = _table.Lookup(dir, "sub");
        var file = _table.Lookup(sub, "f");
        var target = _table.Lookup(InodeTable.RootIno, "target");

        _table.Rename(InodeTable.RootIno, "old", target, "new");

        Assert.That(_table.PathOf(file), Is.EqualTo("target/new/sub/f"));
        Assert.That(_table.Find(InodeTable.RootIno, "old"), Is.Zero);
        Assert.That(_table.Find(target, "new"), Is.EqualTo(dir));
    }

    [Test]
    public void Rename_OntoAKnownName_DetachesTheReplacedInode()
    {
        var source = _table.Lookup(InodeTable.RootIno, "source");
        var replaced = _table.Lookup(InodeTable.RootIno, "target");

        _table.Rename(InodeTable.RootIno, "source", InodeTable.RootIno, "target");

        Assert.That(_table.Find(InodeTable.RootIno, "target"), Is.EqualTo(source));
        Assert.That(_table.PathOf(replaced), Is.Null, "its name belongs to another inode now");
        _table.Forget(replaced, 1);
        Assert.That(_table.Count, Is.EqualTo(2));
    }

    [Test]
    public void Unlink_FreesTheName_ButKeepsTheInodeUntilForgotten()
    {
        var a = _table.Lookup(InodeTable.RootIno, "a");

        _table.Unlink(InodeTable.RootIno, "a");

        Assert.That(_table.Find(InodeTable.RootIno, "a"), Is.Zero);
        Assert.That(_table.PathOf(a), Is.Null);
        Assert.That(_table.Count, Is.EqualTo(2));
        _table.Forget(a, 1);
        Assert.That(_table.Count, Is.EqualTo(1));
    }

    [Test]
    public void Lookup_InAnUnknownParent_GivesZero() =>
        Assert.That(_table.Lookup(12345, "a"), Is.Zero);

    [Test]
    public void Remember_SaysWhetherTheAttributesAreWhatTheKernelLastSaw()
    {
        var a = _table.Lookup(InodeTable.RootIno, "a");
        var time = new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);

        Assert.That(_table.Remember(a, time, 10), Is.False, "first sight");
        Assert.That(_table.Remember(a, time, 10), Is.True);
        Assert.That(_table.Remember(a, time, 11), Is.False, "size changed");
        Assert.That(_table.Remember(a, time.AddSeconds(1), 11), Is.False, "written");
    }
}
