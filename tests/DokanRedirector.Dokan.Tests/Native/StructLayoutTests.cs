namespace DokanRedirector.Dokan.Tests.Native;

/// <summary>The binding's structs against the x64 layout of dokany 2.x's dokan.h, public.h and the Windows SDK.</summary>
[TestFixture]
public sealed unsafe class StructLayoutTests
{
    [OneTimeSetUp]
    public void RequireX64() =>
        Assert.That(sizeof(nint), Is.EqualTo(8), "these offsets are the x64 ABI's; the binding ships for win-x64");

    [Test]
    public void DokanOptions_Is16432Bytes_WithEveryFieldAtItsHeaderOffset()
    {
        DokanOptions o;
        var b = (byte*)&o;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(sizeof(DokanOptions), Is.EqualTo(16432));
            Assert.That((byte*)&o.Version - b, Is.EqualTo(0));
            Assert.That((byte*)&o.SingleThread - b, Is.EqualTo(2));
            Assert.That((byte*)&o.Options - b, Is.EqualTo(4));
            Assert.That((byte*)&o.GlobalContext - b, Is.EqualTo(8));
            Assert.That((byte*)&o.MountPoint - b, Is.EqualTo(16));
            Assert.That((byte*)&o.UncName - b, Is.EqualTo(24));
            Assert.That((byte*)&o.Timeout - b, Is.EqualTo(32));
            Assert.That((byte*)&o.AllocationUnitSize - b, Is.EqualTo(36));
            Assert.That((byte*)&o.SectorSize - b, Is.EqualTo(40));
            Assert.That((byte*)&o.VolumeSecurityDescriptorLength - b, Is.EqualTo(44));
            Assert.That(o.VolumeSecurityDescriptor - b, Is.EqualTo(48));
            Assert.That(DokanOptions.VolumeSecurityDescriptorMaxSize, Is.EqualTo(16 * 1024));
        }
    }

    [Test]
    public void DokanFileInfo_Is48Bytes_WithEveryFieldAtItsHeaderOffset()
    {
        DokanFileInfo i;
        var b = (byte*)&i;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(sizeof(DokanFileInfo), Is.EqualTo(48));
            Assert.That((byte*)&i.Context - b, Is.EqualTo(0));
            Assert.That((byte*)&i.DokanContext - b, Is.EqualTo(8));
            Assert.That((byte*)&i.DokanOptions - b, Is.EqualTo(16));
            Assert.That((byte*)&i.ProcessingContext - b, Is.EqualTo(24));
            Assert.That((byte*)&i.ProcessId - b, Is.EqualTo(32));
            Assert.That((byte*)&i.IsDirectory - b, Is.EqualTo(36));
            Assert.That((byte*)&i.DeletePending - b, Is.EqualTo(37));
            Assert.That((byte*)&i.PagingIo - b, Is.EqualTo(38));
            Assert.That((byte*)&i.SynchronousIo - b, Is.EqualTo(39));
            Assert.That((byte*)&i.Nocache - b, Is.EqualTo(40));
            Assert.That((byte*)&i.WriteToEndOfFile - b, Is.EqualTo(41));
        }
    }

    [Test]
    public void DokanOperations_Is25CallbackPointers_InDokanysOrder()
    {
        DokanOperations o;
        var b = (byte*)&o;
        var names = new (string Name, long Offset)[]
        {
            ("ZwCreateFile", (byte*)&o.ZwCreateFile - b), ("Cleanup", (byte*)&o.Cleanup - b), ("CloseFile", (byte*)&o.CloseFile - b),
            ("ReadFile", (byte*)&o.ReadFile - b), ("WriteFile", (byte*)&o.WriteFile - b),
            ("FlushFileBuffers", (byte*)&o.FlushFileBuffers - b), ("GetFileInformation", (byte*)&o.GetFileInformation - b),
            ("FindFiles", (byte*)&o.FindFiles - b), ("FindFilesWithPattern", (byte*)&o.FindFilesWithPattern - b),
            ("SetFileAttributes", (byte*)&o.SetFileAttributes - b), ("SetFileTime", (byte*)&o.SetFileTime - b),
            ("DeleteFile", (byte*)&o.DeleteFile - b), ("DeleteDirectory", (byte*)&o.DeleteDirectory - b),
            ("MoveFile", (byte*)&o.MoveFile - b), ("SetEndOfFile", (byte*)&o.SetEndOfFile - b),
            ("SetAllocationSize", (byte*)&o.SetAllocationSize - b), ("LockFile", (byte*)&o.LockFile - b),
            ("UnlockFile", (byte*)&o.UnlockFile - b), ("GetDiskFreeSpace", (byte*)&o.GetDiskFreeSpace - b),
            ("GetVolumeInformation", (byte*)&o.GetVolumeInformation - b), ("Mounted", (byte*)&o.Mounted - b),
            ("Unmounted", (byte*)&o.Unmounted - b), ("GetFileSecurity", (byte*)&o.GetFileSecurity - b),
            ("SetFileSecurity", (byte*)&o.SetFileSecurity - b), ("FindStreams", (byte*)&o.FindStreams - b),
        };
        using (Assert.EnterMultipleScope())
        {
            Assert.That(sizeof(DokanOperations), Is.EqualTo(25 * 8));
            for (var k = 0; k < names.Length; k++)
            {
                Assert.That(names[k].Offset, Is.EqualTo(k * 8), names[k].Name);
            }
        }
    }

    [Test]
    public void ByHandleFileInformation_Is52Bytes_WithFileTimesFourByteAligned()
    {
        ByHandleFileInformation i;
        var b = (byte*)&i;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(sizeof(ByHandleFileInformation), Is.EqualTo(52));
            Assert.That((byte*)&i.CreationTime - b, Is.EqualTo(4));
            Assert.That((byte*)&i.LastAccessTime - b, Is.EqualTo(12));
            Assert.That((byte*)&i.LastWriteTime - b, Is.EqualTo(20));
            Assert.That((byte*)&i.VolumeSerialNumber - b, Is.EqualTo(28));
            Assert.That((byte*)&i.FileSizeHigh - b, Is.EqualTo(32));
            Assert.That((byte*)&i.FileSizeLow - b, Is.EqualTo(36));
            Assert.That((byte*)&i.NumberOfLinks - b, Is.EqualTo(40));
            Assert.That((byte*)&i.FileIndexHigh - b, Is.EqualTo(44));
            Assert.That((byte*)&i.FileIndexLow - b, Is.EqualTo(48));
        }
    }

    [Test]
    public void Win32FindDataW_Is592Bytes_WithTheNamesAtTheirOffsets()
    {
        Win32FindData d;
        var b = (byte*)&d;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(sizeof(Win32FindData), Is.EqualTo(592));
            Assert.That((byte*)&d.CreationTime - b, Is.EqualTo(4));
            Assert.That((byte*)&d.FileSizeHigh - b, Is.EqualTo(28));
            Assert.That((byte*)&d.FileSizeLow - b, Is.EqualTo(32));
            Assert.That((byte*)&d.FileName - b, Is.EqualTo(44));
            Assert.That((byte*)&d.AlternateFileName - b, Is.EqualTo(44 + 260 * 2));
        }
    }

    [Test]
    public void DokanIoSecurityContext_Is72Bytes_WithTheAccessStateFirst()
    {
        DokanIoSecurityContext c;
        var b = (byte*)&c;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(sizeof(DokanAccessState), Is.EqualTo(64));
            Assert.That((byte*)&c.AccessState.SecurityDescriptor - b, Is.EqualTo(24));
            Assert.That((byte*)&c.AccessState.ObjectName - b, Is.EqualTo(32));
            Assert.That((byte*)&c.AccessState.ObjectType - b, Is.EqualTo(48));
            Assert.That((byte*)&c.DesiredAccess - b, Is.EqualTo(64));
            Assert.That(sizeof(DokanIoSecurityContext), Is.EqualTo(72));
        }
    }

    [Test]
    public void DokanMountPointInfo_HasMaxPathMountPoint_And64CharNames()
    {
        DokanMountPointInfo m;
        var b = (byte*)&m;
        using (Assert.EnterMultipleScope())
        {
            Assert.That((byte*)&m.MountPoint - b, Is.EqualTo(4));
            Assert.That((byte*)&m.UncName - b, Is.EqualTo(4 + 520));
            Assert.That((byte*)&m.DeviceName - b, Is.EqualTo(4 + 520 + 128));
            Assert.That((byte*)&m.SessionId - b, Is.EqualTo(4 + 520 + 256));
            Assert.That((byte*)&m.MountOptions - b, Is.EqualTo(4 + 520 + 256 + 4));
            Assert.That(sizeof(DokanMountPointInfo), Is.EqualTo(788));
        }
    }

    [Test]
    public void OptionFlags_HaveDokanHsValues()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That((uint)DokanOptionFlags.WriteProtect, Is.EqualTo(0x8));
            Assert.That((uint)DokanOptionFlags.Network, Is.EqualTo(0x10));
            Assert.That((uint)DokanOptionFlags.CurrentSession, Is.EqualTo(0x80));
            Assert.That((uint)DokanOptionFlags.FileLockUserMode, Is.EqualTo(0x100));
            Assert.That((uint)DokanOptionFlags.EnableUnmountNetworkDrive, Is.EqualTo(0x400));
        }
    }
}
