namespace DokanRedirector.Fuse;

public sealed record FuseMountOptions
{
    /// <summary>Mount read-only (the kernel answers EROFS to every change).</summary>
    public bool ReadOnly { get; init; }

    /// <summary>How long the kernel may cache attributes (and directory entries) before asking again.</summary>
    public TimeSpan AttributeTimeout { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>How long the kernel may cache a name → inode lookup (and a negative one).</summary>
    public TimeSpan EntryTimeout { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The "source" column of /proc/mounts, e.g. <c>//server/share</c>.</summary>
    public string? FsName { get; init; }

    /// <summary>Let users other than the one mounting use the mount (fuse(8) allow_other; a non-root
    /// user needs <c>user_allow_other</c> in /etc/fuse.conf).</summary>
    public bool AllowOther { get; init; }
}
