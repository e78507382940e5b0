using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using DokanRedirector.Fuse.Native;

namespace DokanRedirector.Fuse.Tests.Native;

/// <summary>
/// Our structs against the C headers (libfuse3-dev 3.14.0, glibc 2.36, x86_64). The expected numbers were
/// printed by a throw-away C program compiled with `gcc -I/usr/include/fuse3` (FUSE_USE_VERSION 314) that
/// printed sizeof and offsetof for each field, and the word at offset 4 of a fuse_file_info with only one
/// bit field set.
/// </summary>
public sealed class StructLayoutTests
{
    private static int Offset<T>(string field) => (int)Marshal.OffsetOf<T>(field);

    [Test]
    public void Stat_MatchesGlibcX8664()
    {
        Assert.That(Unsafe.SizeOf<Stat>(), Is.EqualTo(144));
        Assert.That(Offset<Stat>(nameof(Stat.Device)), Is.EqualTo(0));
        Assert.That(Offset<Stat>(nameof(Stat.Inode)), Is.EqualTo(8));
        Assert.That(Offset<Stat>(nameof(Stat.LinkCount)), Is.EqualTo(16));
        Assert.That(Offset<Stat>(nameof(Stat.Mode)), Is.EqualTo(24));
        Assert.That(Offset<Stat>(nameof(Stat.Uid)), Is.EqualTo(28));
        Assert.That(Offset<Stat>(nameof(Stat.Gid)), Is.EqualTo(32));
        Assert.That(Offset<Stat>(nameof(Stat.RDevice)), Is.EqualTo(40));
        Assert.That(Offset<Stat>(nameof(Stat.Size)), Is.EqualTo(48));
        Assert.That(Offset<Stat>(nameof(Stat.BlockSize)), Is.EqualTo(56));
        Assert.That(Offset<Stat>(nameof(Stat.Blocks)), Is.EqualTo(64));
        Assert.That(Offset<Stat>(nameof(Stat.AccessTime)), Is.EqualTo(72));
        Assert.That(Offset<Stat>(nameof(Stat.ModificationTime)), Is.EqualTo(88));
        Assert.That(Offset<Stat>(nameof(Stat.ChangeTime)), Is.EqualTo(104));
    }

    [Test]
    public void StatVfs_MatchesGlibcX8664()
    {
        Assert.That(Unsafe.SizeOf<StatVfs>(), Is.EqualTo(112));
        Assert.That(Offset<StatVfs>(nameof(StatVfs.BlockSize)), Is.EqualTo(0));
        Assert.That(Offset<StatVfs>(nameof(StatVfs.FragmentSize)), Is.EqualTo(8));
        Assert.That(Offset<StatVfs>(nameof(StatVfs.Blocks)), Is.EqualTo(16));
        Assert.That(Offset<StatVfs>(nameof(StatVfs.BlocksFree)), Is.EqualTo(24));
        Assert.That(Offset<StatVfs>(nameof(StatVfs.BlocksAvailable)), Is.EqualTo(32));
        Assert.That(Offset<StatVfs>(nameof(StatVfs.Files)), Is.EqualTo(40));
        Assert.That(Offset<StatVfs>(nameof(StatVfs.FilesFree)), Is.EqualTo(48));
        Assert.That(Offset<StatVfs>(nameof(StatVfs.FilesAvailable)), Is.EqualTo(56));
        Assert.That(Offset<StatVfs>(nameof(StatVfs.FileSystemId)), Is.EqualTo(64));
        Assert.That(Offset<StatVfs>(nameof(StatVfs.Flags)), Is.EqualTo(72));
        Assert.That(Offset<StatVfs>(nameof(StatVfs.NameMax)), Is.EqualTo(80));
    }

    [Test]
    public void FuseEntryParam_MatchesTheHeader()
    {
        Assert.That(Unsafe.SizeOf<FuseEntryParam>(), Is.EqualTo(176));
        Assert.That(Offset<FuseEntryParam>(nameof(FuseEntryParam.Ino)), Is.EqualTo(0));
        Assert.That(Offset<FuseEntryParam>(nameof(FuseEntryParam.Generation)), Is.EqualTo(8));
        Assert.That(Offset<FuseEntryParam>(nameof(FuseEntryParam.Attributes)), Is.EqualTo(16));
        Assert.That(Offset<FuseEntryParam>(nameof(FuseEntryParam.AttributeTimeout)), Is.EqualTo(160));
        Assert.That(Offset<FuseEntryParam>(nameof(FuseEntryParam.EntryTimeout)), Is.EqualTo(168));
    }

    [Test]
    public void FuseFileInfo_MatchesTheHeader_WithKeepCacheAtMask4()
    {
        Assert.That(Unsafe.SizeOf<FuseFileInfo>(), Is.EqualTo(40));
        Assert.That(Offset<FuseFileInfo>(nameof(FuseFileInfo.Flags)), Is.EqualTo(0));
        Assert.That(Offset<FuseFileInfo>(nameof(FuseFileInfo.Bits)), Is.EqualTo(4));
        Assert.That(Offset<FuseFileInfo>(nameof(FuseFileInfo.Handle)), Is.EqualTo(16));
        Assert.That(Offset<FuseFileInfo>(nameof(FuseFileInfo.LockOwner)), Is.EqualTo(24));
        Assert.That(Offset<FuseFileInfo>(nameof(FuseFileInfo.PollEvents)), Is.EqualTo(32));
        // gcc: direct_io alone → word 2, keep_cache alone → 4, cache_readdir alone → 64.
        Assert.That(FuseFileInfo.DirectIo, Is.EqualTo(2));
        Assert.That(FuseFileInfo.KeepCache, Is.EqualTo(4));
        Assert.That(FuseFileInfo.CacheReaddir, Is.EqualTo(64));
    }

    [Test]
    public void FuseCtx_MatchesTheHeader()
    {
        Assert.That(Unsafe.SizeOf<FuseCtx>(), Is.EqualTo(16));
        Assert.That(Offset<FuseCtx>(nameof(FuseCtx.Uid)), Is.EqualTo(0));
        Assert.That(Offset<FuseCtx>(nameof(FuseCtx.Gid)), Is.EqualTo(4));
        Assert.That(Offset<FuseCtx>(nameof(FuseCtx.Pid)), Is.EqualTo(8));
        Assert.That(Offset<FuseCtx>(nameof(FuseCtx.Umask)), Is.EqualTo(12));
    }

    [Test]
    public void FuseConnInfo_MatchesTheHeader()
    {
        Assert.That(Unsafe.SizeOf<FuseConnInfo>(), Is.EqualTo(128));
        Assert.That(Offset<FuseConnInfo>(nameof(FuseConnInfo.ProtoMajor)), Is.EqualTo(0));
        Assert.That(Offset<FuseConnInfo>(nameof(FuseConnInfo.MaxWrite)), Is.EqualTo(8));
        Assert.That(Offset<FuseConnInfo>(nameof(FuseConnInfo.MaxRead)), Is.EqualTo(12));
        Assert.That(Offset<FuseConnInfo>(nameof(FuseConnInfo.MaxReadahead)), Is.EqualTo(16));
        Assert.That(Offset<FuseConnInfo>(nameof(FuseConnInfo.Capable)), Is.EqualTo(20));
        Assert.That(Offset<FuseConnInfo>(nameof(FuseConnInfo.Want)), Is.EqualTo(24));
        Assert.That(Offset<FuseConnInfo>(nameof(FuseConnInfo.MaxBackground)), Is.EqualTo(28));
        Assert.That(Offset<FuseConnInfo>(nameof(FuseConnInfo.CongestionThreshold)), Is.EqualTo(32));
        Assert.That(Offset<FuseConnInfo>(nameof(FuseConnInfo.TimeGranularity)), Is.EqualTo(36));
    }

    [Test]
    public void FuseArgsAndForgetData_MatchTheHeaders()
    {
        Assert.That(Unsafe.SizeOf<FuseArgs>(), Is.EqualTo(24));
        Assert.That(Offset<FuseArgs>(nameof(FuseArgs.Count)), Is.EqualTo(0));
        Assert.That(Offset<FuseArgs>(nameof(FuseArgs.Values)), Is.EqualTo(8));
        Assert.That(Offset<FuseArgs>(nameof(FuseArgs.Allocated)), Is.EqualTo(16));
        Assert.That(Unsafe.SizeOf<FuseForgetData>(), Is.EqualTo(16));
        Assert.That(Offset<FuseForgetData>(nameof(FuseForgetData.Lookups)), Is.EqualTo(8));
    }

    [Test]
    public void IoVec_MatchesGlibcX8664()
    {
        Assert.That(Unsafe.SizeOf<IoVec>(), Is.EqualTo(16));
        Assert.That(Offset<IoVec>(nameof(IoVec.Base)), Is.EqualTo(0));
        Assert.That(Offset<IoVec>(nameof(IoVec.Length)), Is.EqualTo(8));
    }

    [Test]
    public void FuseLowLevelOps_HasEveryOperationAtItsHeaderOffset()
    {
        Assert.That(Unsafe.SizeOf<FuseLowLevelOps>(), Is.EqualTo(352));
        Assert.That(Offset<FuseLowLevelOps>(nameof(FuseLowLevelOps.Init)), Is.EqualTo(0));
        Assert.That(Offset<FuseLowLevelOps>(nameof(FuseLowLevelOps.Lookup)), Is.EqualTo(16));
        Assert.That(Offset<FuseLowLevelOps>(nameof(FuseLowLevelOps.GetAttr)), Is.EqualTo(32));
        Assert.That(Offset<FuseLowLevelOps>(nameof(FuseLowLevelOps.Rename)), Is.EqualTo(96));
        Assert.That(Offset<FuseLowLevelOps>(nameof(FuseLowLevelOps.Open)), Is.EqualTo(112));
        Assert.That(Offset<FuseLowLevelOps>(nameof(FuseLowLevelOps.Read)), Is.EqualTo(120));
        Assert.That(Offset<FuseLowLevelOps>(nameof(FuseLowLevelOps.Write)), Is.EqualTo(128));
        Assert.That(Offset<FuseLowLevelOps>(nameof(FuseLowLevelOps.StatFs)), Is.EqualTo(192));
        Assert.That(Offset<FuseLowLevelOps>(nameof(FuseLowLevelOps.Create)), Is.EqualTo(240));
        Assert.That(Offset<FuseLowLevelOps>(nameof(FuseLowLevelOps.WriteBuf)), Is.EqualTo(288));
        Assert.That(Offset<FuseLowLevelOps>(nameof(FuseLowLevelOps.ForgetMulti)), Is.EqualTo(304));
        Assert.That(Offset<FuseLowLevelOps>(nameof(FuseLowLevelOps.ReadDirPlus)), Is.EqualTo(328));
        Assert.That(Offset<FuseLowLevelOps>(nameof(FuseLowLevelOps.LSeek)), Is.EqualTo(344));
    }

    [Test]
    public void Timespec_RoundTripsAUtcTimeTo100Nanoseconds()
    {
        var time = new DateTime(2024, 5, 6, 7, 8, 9, DateTimeKind.Utc).AddTicks(1234567);

        var spec = Timespec.FromUtc(time);

        Assert.That(spec.Nanoseconds, Is.EqualTo(123456700));
        Assert.That(spec.ToUtc(), Is.EqualTo(time));
    }
}
