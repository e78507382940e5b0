namespace DokanRedirector.Fuse;

public sealed record FuseMountOptions
{
    /// <summary>Mount read-only (the kernel answers EROFS to every change).</summary>
    public bool ReadOnly { get; init; }

    // The defaults are the Windows SMB redirector's (LanmanWorkstation\Parameters): what a mapped drive on
    // Windows shows of another client's changes, it shows here too, and within the same time.

    /// <summary>How long the kernel may answer stat from cached attributes: FileInfoCacheLifetime, 10 s.
    /// Our own changes and every open (close-to-open) refresh them at once.</summary>
    public TimeSpan AttributeTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How long the kernel may cache a name → inode lookup: DirectoryCacheLifetime, 10 s.</summary>
    public TimeSpan EntryTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How long the kernel may cache "no such name": FileNotFoundCacheLifetime, 5 s.</summary>
    public TimeSpan NegativeEntryTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>The "source" column of /proc/mounts, e.g. <c>//server/share</c>.</summary>
    public string? FsName { get; init; }

    /// <summary>Let users other than the one mounting use the mount (fuse(8) allow_other; a non-root
    /// user needs <c>user_allow_other</c> in /etc/fuse.conf).</summary>
    public bool AllowOther { get; init; }
}
