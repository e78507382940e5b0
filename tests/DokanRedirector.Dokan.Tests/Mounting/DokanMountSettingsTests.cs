using DokanRedirector.Dokan.Mounting;

namespace DokanRedirector.Dokan.Tests.Mounting;

/// <summary>The DOKAN_OPTIONS a mapped drive is mounted with, built without dokan2.dll.</summary>
public sealed unsafe class DokanMountSettingsTests
{
    [Test]
    public void NetworkDrive_HasNetworkCurrentSessionUnmountFromExplorerAndUserModeLocks_AndAOneBackslashUncName()
    {
        var settings = DokanMountSettings.For("Z:", UncName.Parse(@"\\127.0.0.1\share"), new DokanMountOptions());
        using (Assert.EnterMultipleScope())
        {
            Assert.That(settings.MountPoint, Is.EqualTo(@"Z:\"));
            Assert.That(settings.UncName, Is.EqualTo(@"\127.0.0.1\share"));
            Assert.That((uint)settings.Flags, Is.EqualTo(0x10u | 0x80u | 0x400u | 0x100u));
            Assert.That(settings.TimeoutMilliseconds, Is.EqualTo(30_000));
        }
    }

    [Test]
    public void ReadOnly_AddsWriteProtect()
    {
        var settings = DokanMountSettings.For("Y:", UncName.Parse(@"\\127.0.0.1\share"), new DokanMountOptions { ReadOnly = true });
        Assert.That(settings.Flags & DokanOptionFlags.WriteProtect, Is.EqualTo(DokanOptionFlags.WriteProtect));
    }

    [TestCase("Z", @"Z:\")]
    [TestCase("z:", @"z:\")]
    [TestCase(@"Z:\", @"Z:\")]
    [TestCase(@"C:\mount\share", @"C:\mount\share")]
    public void DriveRoot_IsTheLetterColonBackslash_AndAFolderStaysAsItIs(string local, string expected) =>
        Assert.That(DokanMountSettings.DriveRoot(local), Is.EqualTo(expected));

    [Test]
    public void NativeOptions_CarryTheSettings_TheVersionAndTheGlobalContext()
    {
        var settings = new DokanMountSettings(@"Z:\", @"\server\share", DokanOptionFlags.Network | DokanOptionFlags.CurrentSession, 15000);
        using var native = NativeOptions.Create(settings, globalContext: 42);
        var options = native.Options;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(options->Version, Is.EqualTo(230));
            Assert.That(options->SingleThread, Is.Zero);
            Assert.That(options->Options, Is.EqualTo(0x90u));
            Assert.That(options->GlobalContext, Is.EqualTo(42));
            Assert.That(new string(options->MountPoint), Is.EqualTo(@"Z:\"));
            Assert.That(new string(options->UncName), Is.EqualTo(@"\server\share"));
            Assert.That(options->Timeout, Is.EqualTo(15000));
            Assert.That(options->VolumeSecurityDescriptorLength, Is.Zero);
        }
    }
}
