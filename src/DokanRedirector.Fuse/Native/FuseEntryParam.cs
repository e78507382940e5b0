using System.Runtime.InteropServices;

namespace DokanRedirector.Fuse.Native;

/// <summary>struct fuse_entry_param (fuse_lowlevel.h): what lookup, mkdir, create and readdirplus
/// answer. An <see cref="Ino"/> of 0 is a negative entry, cached for <see cref="EntryTimeout"/>.</summary>
[StructLayout(LayoutKind.Explicit, Size = 176)]
internal struct FuseEntryParam
{
    [FieldOffset(0)] public ulong Ino;
    [FieldOffset(8)] public ulong Generation;
    [FieldOffset(16)] public Stat Attributes;
    [FieldOffset(160)] public double AttributeTimeout;
    [FieldOffset(168)] public double EntryTimeout;
}
