using System.Runtime.InteropServices;

namespace DokanRedirector.Fuse.Native;

/// <summary>struct fuse_conn_info (fuse_common.h): 128 bytes; <c>init</c> sets <see cref="Want"/> and the limits.</summary>
[StructLayout(LayoutKind.Explicit, Size = 128)]
internal struct FuseConnInfo
{
    [FieldOffset(0)] public uint ProtoMajor;
    [FieldOffset(4)] public uint ProtoMinor;
    [FieldOffset(8)] public uint MaxWrite;
    [FieldOffset(12)] public uint MaxRead;
    [FieldOffset(16)] public uint MaxReadahead;
    [FieldOffset(20)] public uint Capable;
    [FieldOffset(24)] public uint Want;
    [FieldOffset(28)] public uint MaxBackground;
    [FieldOffset(32)] public uint CongestionThreshold;
    [FieldOffset(36)] public uint TimeGranularity;
}

/// <summary>FUSE_CAP_* (fuse_common.h).</summary>
internal static class FuseCapabilities
{
    public const uint AsyncRead = 1u << 0;
    public const uint AtomicOTrunc = 1u << 3;
    public const uint SpliceWrite = 1u << 7;
    public const uint SpliceMove = 1u << 8;
    public const uint SpliceRead = 1u << 9;
    public const uint FlockLocks = 1u << 10;
    public const uint AutoInvalData = 1u << 12;
    public const uint ReaddirPlus = 1u << 13;
    public const uint ReaddirPlusAuto = 1u << 14;
    public const uint WritebackCache = 1u << 16;
    public const uint ParallelDirOps = 1u << 18;
}
