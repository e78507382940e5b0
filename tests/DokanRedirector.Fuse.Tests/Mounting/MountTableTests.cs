using DokanRedirector.Fuse.Mounting;

namespace DokanRedirector.Fuse.Tests.Mounting;

public sealed class MountTableTests
{
    [Test]
    public void Parse_ReadsTheDeviceAndTypeOfAFuseMount()
    {
        var entry = MountTable.Parse("612 30 0:75 / /tmp/fuse-mount-x rw,nosuid,nodev,relatime shared:1 - fuse.dokanredirector //127.0.0.1/share rw,user_id=0,group_id=0");

        Assert.That(entry, Is.EqualTo(new MountEntry("/tmp/fuse-mount-x", 0, 75, "fuse.dokanredirector")));
    }

    [Test]
    public void Parse_UnescapesSpacesInTheMountPoint()
    {
        var entry = MountTable.Parse(@"1 2 0:5 / /mnt/with\040space rw - tmpfs tmpfs rw");

        Assert.That(entry!.MountPoint, Is.EqualTo("/mnt/with space"));
    }

    [Test]
    public void Parse_OfAMalformedLine_GivesNull() =>
        Assert.That(MountTable.Parse("not a mountinfo line"), Is.Null);

    [Test]
    public void Find_SeesTheRootFileSystem() =>
        Assert.That(MountTable.Find("/"), Is.Not.Null);
}
