using System.Runtime.InteropServices;

namespace DokanRedirector.Fuse.Native;

/// <summary>
/// struct fuse_file_info (fuse_common.h, libfuse 3.14): 40 bytes. The one-bit fields share the
/// 32-bit word at offset 4, in declaration order from bit 0 (gcc on x86_64): writepage, direct_io,
/// keep_cache, flush, nonseekable, flock_release, cache_readdir, noflush.
/// </summary>
[StructLayout(LayoutKind.Explicit, Size = 40)]
internal struct FuseFileInfo
{
    public const uint DirectIo = 1u << 1;
    /// <summary>keep_cache: mask 4, not 2 (Tmds.Fuse had it wrong).</summary>
    public const uint KeepCache = 1u << 2;
    public const uint CacheReaddir = 1u << 6;

    /// <summary>open(2) flags.</summary>
    [FieldOffset(0)] public int Flags;
    [FieldOffset(4)] public uint Bits;
    [FieldOffset(16)] public ulong Handle;
    [FieldOffset(24)] public ulong LockOwner;
    [FieldOffset(32)] public uint PollEvents;
}
