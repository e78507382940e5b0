using DokanRedirector.Fuse.Native;

namespace DokanRedirector.Fuse.FileSystem;

/// <summary>
/// A setattr, read from its struct stat and to_set mask (fuse_lowlevel.h, FUSE_SET_ATTR_*) while the
/// request's memory is valid. Size → FileEndOfFileInformation; times → FileBasicInformation; the write
/// bits of the mode ↔ FILE_ATTRIBUTE_READONLY on files. Other mode bits mean nothing to an SMB server
/// and are accepted without effect.
/// </summary>
internal readonly record struct AttributeChange(
    long? Size, DateTime? AccessTime, DateTime? WriteTime, uint? Mode, uint? Uid, uint? Gid)
{
    private const uint WriteBits = 0x92; // 0222

    public static AttributeChange From(in Stat attributes, int toSet)
    {
        var now = DateTime.UtcNow;
        return new AttributeChange(
            Has(toSet, SetAttrFlags.Size) ? attributes.Size : null,
            Has(toSet, SetAttrFlags.AccessTimeNow) ? now : Has(toSet, SetAttrFlags.AccessTime) ? attributes.AccessTime.ToUtc() : null,
            Has(toSet, SetAttrFlags.ModificationTimeNow) ? now : Has(toSet, SetAttrFlags.ModificationTime) ? attributes.ModificationTime.ToUtc() : null,
            Has(toSet, SetAttrFlags.Mode) ? attributes.Mode : null,
            Has(toSet, SetAttrFlags.Uid) ? attributes.Uid : null,
            Has(toSet, SetAttrFlags.Gid) ? attributes.Gid : null);
    }

    public bool ChangesSize => Size is not null;

    public bool ChangesTimes => AccessTime is not null || WriteTime is not null;

    public bool ChangesMode => Mode is not null;

    /// <summary>A chown is only accepted to the owner and group the mount already shows.</summary>
    public bool KeepsOwner(StatMapping mapping) =>
        (Uid is null || Uid == mapping.Uid) && (Gid is null || Gid == mapping.Gid);

    /// <summary>The attributes after a chmod: read-only exactly when no write bit is left. Directories keep
    /// theirs (on Windows a read-only directory means something else). 0 would mean "unchanged" to the
    /// server, so an empty set is sent as FILE_ATTRIBUTE_NORMAL.</summary>
    public NtFileAttributes? AttributesFor(NtFileAttributes current)
    {
        if (Mode is not { } mode || (current & NtFileAttributes.Directory) != 0)
        {
            return null;
        }
        var updated = (mode & WriteBits) == 0
            ? current | NtFileAttributes.ReadOnly
            : current & ~NtFileAttributes.ReadOnly;
        if (updated == current)
        {
            return null;
        }
        updated &= ~NtFileAttributes.Normal; // MS-FSCC 2.6: NORMAL is valid only alone
        return updated == NtFileAttributes.None ? NtFileAttributes.Normal : updated;
    }

    private static bool Has(int toSet, int flag) => (toSet & flag) != 0;
}
