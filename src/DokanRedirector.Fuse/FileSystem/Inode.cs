namespace DokanRedirector.Fuse.FileSystem;

/// <summary>
/// One name the kernel knows: an inode number of ours, where it is (parent + name), and how many
/// references the kernel holds on it. All fields are guarded by the <see cref="InodeTable"/>'s lock.
/// </summary>
internal sealed class Inode(ulong ino, Inode? parent, string name)
{
    public ulong Ino { get; } = ino;

    public Inode? Parent { get; set; } = parent;

    public string Name { get; set; } = name;

    /// <summary>The kernel's lookup count (nlookup): +1 per entry replied, −n per forget.</summary>
    public ulong Lookups { get; set; }

    /// <summary>Children in the table: each keeps its parent (and so its path) alive.</summary>
    public int Children { get; set; }

    /// <summary>Unlinked or replaced: the name now belongs to something else (or nothing).</summary>
    public bool Detached { get; set; }

    /// <summary>Write-behind state, made by the first write; goes with the inode (no open file is left then).</summary>
    public InodeWrites? Writes { get; set; }

    /// <summary>The last write time and size the kernel was told, to decide FOPEN_KEEP_CACHE on open.</summary>
    public (long WriteTicks, long Size) Seen { get; set; } = (-1, -1);
}
