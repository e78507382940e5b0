using System.Buffers.Binary;
using DokanRedirector.Smb.Info;

namespace DokanRedirector.Smb.Tests.Info;

public class FileInfoDecodeTests
{
    [Test]
    public void Basic_ReadsTimesAsRawFileTimesAndAttributes()
    {
        var info = FileBasicInformation.Read(FsccBuffers.Basic(0x21));

        Assert.Multiple(() =>
        {
            Assert.That(info.CreationTime, Is.EqualTo(FsccBuffers.Created));
            Assert.That(info.LastAccessTime, Is.EqualTo(FsccBuffers.Accessed));
            Assert.That(info.LastWriteTime, Is.EqualTo(FsccBuffers.Written));
            Assert.That(info.ChangeTime, Is.EqualTo(FsccBuffers.Changed));
            Assert.That(info.FileAttributes, Is.EqualTo(NtFileAttributes.ReadOnly | NtFileAttributes.Archive));
            Assert.That(SmbFileTime.ToDateTime(info.CreationTime), Is.EqualTo(DateTime.FromFileTimeUtc(FsccBuffers.Created)));
        });
    }

    [Test]
    public void Standard_ReadsSizesLinksAndFlags()
    {
        var info = FileStandardInformation.Read(FsccBuffers.Standard(4096, 10, 2, deletePending: true, directory: true));

        Assert.That(info, Is.EqualTo(new FileStandardInformation(4096, 10, 2, DeletePending: true, Directory: true)));
    }

    [Test]
    public void NetworkOpen_ReadsEverythingAStatNeeds()
    {
        var info = FileNetworkOpenInformation.Read(FsccBuffers.NetworkOpen());

        Assert.That(info, Is.EqualTo(new FileNetworkOpenInformation(
            FsccBuffers.Created, FsccBuffers.Accessed, FsccBuffers.Written, FsccBuffers.Changed,
            1 << 20, 1_000_000, NtFileAttributes.ReadOnly | NtFileAttributes.Archive)));
    }

    [Test]
    public void Internal_ReadsTheFileId()
    {
        Assert.That(FileInternalInformation.Read(BitConverter.GetBytes(0x0102030405060708L)).IndexNumber, Is.EqualTo(0x0102030405060708L));
    }

    [Test]
    public void All_ReadsEachPartAtItsOffset_AndTheName()
    {
        var info = FileAllInformation.Read(FsccBuffers.All(@"dir\file.txt"));

        Assert.Multiple(() =>
        {
            Assert.That(info.Basic, Is.EqualTo(FileBasicInformation.Read(FsccBuffers.Basic())));
            Assert.That(info.Standard, Is.EqualTo(FileStandardInformation.Read(FsccBuffers.Standard())));
            Assert.That(info.IndexNumber, Is.EqualTo(0x1122334455667788));
            Assert.That(info.AccessFlags, Is.EqualTo((NtAccessMask)0x0012019F));
            Assert.That(info.Mode, Is.EqualTo(0x20));
            Assert.That(info.FileName, Is.EqualTo(@"dir\file.txt"));
        });
    }

    [Test]
    public void FsSizes_ReadUnitsAndTheUnitSize()
    {
        var size = FileFsSizeInformation.Read(FsccBuffers.FsSize());
        var full = FileFsFullSizeInformation.Read(FsccBuffers.FsFullSize());

        Assert.Multiple(() =>
        {
            Assert.That(size, Is.EqualTo(new FileFsSizeInformation(1_000_000, 250_000, 8, 512)));
            Assert.That(size.BytesPerAllocationUnit, Is.EqualTo(4096));
            Assert.That(full, Is.EqualTo(new FileFsFullSizeInformation(1_000_000, 200_000, 250_000, 1, 4096)));
            Assert.That(full.BytesPerAllocationUnit, Is.EqualTo(4096));
        });
    }

    [Test]
    public void FsAttribute_ReadsFlagsLimitAndName()
    {
        var info = FileFsAttributeInformation.Read(FsccBuffers.FsAttribute());

        Assert.Multiple(() =>
        {
            Assert.That(info.FileSystemAttributes, Is.EqualTo(
                NtFileSystemAttributes.CaseSensitiveSearch | NtFileSystemAttributes.CasePreservedNames
                | NtFileSystemAttributes.UnicodeOnDisk | NtFileSystemAttributes.NamedStreams));
            Assert.That(info.MaximumComponentNameLength, Is.EqualTo(255));
            Assert.That(info.FileSystemName, Is.EqualTo("NTFS"));
        });
    }

    [Test]
    public void FsVolume_ReadsTimeSerialAndLabel()
    {
        var info = FileFsVolumeInformation.Read(FsccBuffers.FsVolume("Team"));

        Assert.That(info, Is.EqualTo(new FileFsVolumeInformation(FsccBuffers.Created, 0xCAFEF00D, false, "Team")));
    }

    [Test]
    public void ShortBuffers_AreProtocolErrors()
    {
        Assert.Multiple(() =>
        {
            Assert.That(() => FileBasicInformation.Read(new byte[39]), Throws.TypeOf<SmbProtocolException>());
            Assert.That(() => FileStandardInformation.Read(new byte[23]), Throws.TypeOf<SmbProtocolException>());
            Assert.That(() => FileNetworkOpenInformation.Read(new byte[55]), Throws.TypeOf<SmbProtocolException>());
            Assert.That(() => FileInternalInformation.Read(new byte[7]), Throws.TypeOf<SmbProtocolException>());
            Assert.That(() => FileAllInformation.Read(FsccBuffers.All("")[..99]), Throws.TypeOf<SmbProtocolException>());
            Assert.That(() => FileFsSizeInformation.Read(new byte[23]), Throws.TypeOf<SmbProtocolException>());
            Assert.That(() => FileFsFullSizeInformation.Read(new byte[31]), Throws.TypeOf<SmbProtocolException>());
            Assert.That(() => FileFsAttributeInformation.Read(new byte[11]), Throws.TypeOf<SmbProtocolException>());
            Assert.That(() => FileFsVolumeInformation.Read(new byte[17]), Throws.TypeOf<SmbProtocolException>());
        });
    }

    [Test]
    public void BadFields_AreProtocolErrors_NamingTheField()
    {
        var negativeSize = FsccBuffers.Standard(endOfFile: -1);
        var longName = FsccBuffers.All("x");
        BinaryPrimitives.WriteInt32LittleEndian(longName.AsSpan(96), 4);
        var oddName = FsccBuffers.FsAttribute("NTFS");
        BinaryPrimitives.WriteInt32LittleEndian(oddName.AsSpan(8), 7);

        Assert.Multiple(() =>
        {
            Assert.That(() => FileStandardInformation.Read(negativeSize), Throws.TypeOf<SmbProtocolException>().With.Message.Contains("EndOfFile"));
            Assert.That(() => FileAllInformation.Read(longName), Throws.TypeOf<SmbProtocolException>().With.Message.Contains("FileName"));
            Assert.That(() => FileFsAttributeInformation.Read(oddName), Throws.TypeOf<SmbProtocolException>().With.Message.Contains("FileSystemName"));
            Assert.That(() => FileFsAttributeInformation.Read(FsccBuffers.FsAttribute(maxComponent: 0)), Throws.TypeOf<SmbProtocolException>());
        });
    }

    [Test]
    public void FileTimeHelpers_TreatZeroAndSentinelsAsNoTime()
    {
        var now = new DateTime(2024, 5, 1, 12, 0, 0, DateTimeKind.Utc);

        Assert.Multiple(() =>
        {
            Assert.That(SmbFileTime.ToDateTime(0), Is.Null);
            Assert.That(SmbFileTime.ToDateTime(FileBasicInformation.StopUpdates), Is.Null);
            Assert.That(SmbFileTime.ToDateTime(long.MaxValue), Is.Null);
            Assert.That(SmbFileTime.ToDateTime(SmbFileTime.FromDateTime(now)), Is.EqualTo(now));
        });
    }

    [Test]
    public void QueryInfoTypes_NameTheirInfoTypeClassAndOutputLength()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Describe<FileBasicInformation>(), Is.EqualTo((SmbInfoType.File, 4, 40)));
            Assert.That(Describe<FileStandardInformation>(), Is.EqualTo((SmbInfoType.File, 5, 24)));
            Assert.That(Describe<FileInternalInformation>(), Is.EqualTo((SmbInfoType.File, 6, 8)));
            Assert.That(Describe<FileAllInformation>(), Is.EqualTo((SmbInfoType.File, 18, 100 + 0xFFFE)));
            Assert.That(Describe<FileNetworkOpenInformation>(), Is.EqualTo((SmbInfoType.File, 34, 56)));
            Assert.That(Describe<FileFsVolumeInformation>(), Is.EqualTo((SmbInfoType.FileSystem, 1, 18 + 0xFFFE)));
            Assert.That(Describe<FileFsSizeInformation>(), Is.EqualTo((SmbInfoType.FileSystem, 3, 24)));
            Assert.That(Describe<FileFsAttributeInformation>(), Is.EqualTo((SmbInfoType.FileSystem, 5, 12 + 0xFFFE)));
            Assert.That(Describe<FileFsFullSizeInformation>(), Is.EqualTo((SmbInfoType.FileSystem, 7, 32)));
        });
    }

    private static (SmbInfoType, int, int) Describe<T>()
        where T : ISmbQueryInfo<T> => (T.InfoType, T.InfoClass, T.MaxOutputLength);
}
