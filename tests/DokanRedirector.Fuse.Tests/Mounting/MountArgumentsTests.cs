using DokanRedirector.Fuse.Mounting;

namespace DokanRedirector.Fuse.Tests.Mounting;

public sealed class MountArgumentsTests
{
    [Test]
    public void Options_NameTheSourceAndSubtype_WithoutDefaultPermissions() =>
        Assert.That(MountArguments.OptionsFor(new FuseMountOptions(), "//server/share"),
            Is.EqualTo("fsname=//server/share,subtype=dokanredirector"));

    [Test]
    public void Options_OfAReadOnlyMountForEveryone_AddRoAndAllowOther() =>
        Assert.That(MountArguments.OptionsFor(new FuseMountOptions { ReadOnly = true, AllowOther = true }, "x"),
            Is.EqualTo("fsname=x,subtype=dokanredirector,ro,allow_other"));

    [Test]
    public void Options_EscapeCommasAndBackslashesInTheSource() =>
        Assert.That(MountArguments.OptionsFor(new FuseMountOptions(), @"\\s\a,b"),
            Does.StartWith(@"fsname=\\\\s\\a\,b,"));
}
