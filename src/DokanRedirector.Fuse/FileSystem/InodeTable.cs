namespace DokanRedirector.Fuse.FileSystem;

/// <summary>
/// Our inode numbers (go-fuse's "identity is ours"): a counter, never reused, so generation is always 0.
/// A path ↔ ino map kept as a tree (parent + name), so a rename moves one node and its subtree follows.
/// The kernel's lookup count decides lifetime: a node goes when the kernel forgot it and it has no
/// children left. Root is <see cref="RootIno"/> and stays.
/// </summary>
/// <remarks>Lock order: <see cref="_lock"/> is a leaf; nothing else is taken while it is held.</remarks>
internal sealed class InodeTable
{
    /// <summary>FUSE_ROOT_ID (fuse_lowlevel.h).</summary>
    public const ulong RootIno = 1;

    private readonly Lock _lock = new();
    private readonly Dictionary<ulong, Inode> _byIno = [];
    private readonly Dictionary<(ulong Parent, string Name), Inode> _byName = [];
    private readonly Inode _root = new(RootIno, null, "");
    private ulong _lastIno = RootIno;

    public InodeTable() => _byIno.Add(RootIno, _root);

    /// <summary>Inodes in the table, root included.</summary>
    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _byIno.Count;
            }
        }
    }

    /// <summary>The inode of <paramref name="name"/> in <paramref name="parent"/>, created if new, with one
    /// more lookup counted (every entry reply does this). 0 if the parent is unknown.</summary>
    public ulong Lookup(ulong parent, string name)
    {
        lock (_lock)
        {
            if (!_byIno.TryGetValue(parent, out var dir))
            {
                return 0;
            }
            if (!_byName.TryGetValue((parent, name), out var node))
            {
                node = new Inode(++_lastIno, dir, name);
                dir.Children++;
                _byName.Add((parent, name), node);
                _byIno.Add(node.Ino, node);
            }
            node.Lookups++;
            return node.Ino;
        }
    }

    /// <summary>The inode of a name if the kernel already has one, without counting a lookup.</summary>
    public ulong Find(ulong parent, string name)
    {
        lock (_lock)
        {
            return _byName.TryGetValue((parent, name), out var node) ? node.Ino : 0;
        }
    }

    /// <summary>Every name the kernel may hold, with its directory (a walk of the table: for the rare "everything
    /// changed").</summary>
    public List<(ulong Parent, string Name)> AllNames()
    {
        lock (_lock)
        {
            return [.. _byName.Keys];
        }
    }

    /// <summary>The inode of a '/'-separated path below the root ("" is the root), 0 if the kernel has none.</summary>
    public ulong FindPath(string path)
    {
        lock (_lock)
        {
            var ino = RootIno;
            foreach (var name in path.Split('/', StringSplitOptions.RemoveEmptyEntries))
            {
                if (!_byName.TryGetValue((ino, name), out var node))
                {
                    return 0;
                }
                ino = node.Ino;
            }
            return ino;
        }
    }

    /// <summary>forget: the kernel dropped <paramref name="lookups"/> references.</summary>
    public void Forget(ulong ino, ulong lookups)
    {
        lock (_lock)
        {
            if (ino == RootIno || !_byIno.TryGetValue(ino, out var node))
            {
                return;
            }
            node.Lookups -= Math.Min(lookups, node.Lookups);
            RemoveIfUnused(node);
        }
    }

    /// <summary>The path below the mount root ("" for the root, "a/b" below), or null for an unknown or
    /// detached inode.</summary>
    public string? PathOf(ulong ino)
    {
        lock (_lock)
        {
            return _byIno.TryGetValue(ino, out var node) ? PathOf(node) : null;
        }
    }

    /// <summary>The path of <paramref name="name"/> in <paramref name="parent"/>, or null for an unknown parent.</summary>
    public string? PathOf(ulong parent, string name)
    {
        var dir = PathOf(parent);
        return dir is null ? null : dir.Length == 0 ? name : dir + "/" + name;
    }

    /// <summary>unlink/rmdir succeeded: the name is free; the inode lives on until the kernel forgets it.</summary>
    public void Unlink(ulong parent, string name)
    {
        lock (_lock)
        {
            if (_byName.Remove((parent, name), out var node))
            {
                node.Detached = true;
                RemoveIfUnused(node);
            }
        }
    }

    /// <summary>rename succeeded: the node (and its subtree) moves; a node it replaced is detached.</summary>
    public void Rename(ulong parent, string name, ulong newParent, string newName)
    {
        if (parent == newParent && name == newName)
        {
            return;
        }
        lock (_lock)
        {
            if (_byName.Remove((newParent, newName), out var replaced))
            {
                replaced.Detached = true;
            }
            if (_byName.Remove((parent, name), out var node) && _byIno.TryGetValue(newParent, out var dir))
            {
                var oldDir = node.Parent!;
                node.Parent = dir;
                node.Name = newName;
                dir.Children++;
                oldDir.Children--;
                _byName.Add((newParent, newName), node);
                RemoveIfUnused(oldDir);
            }
            if (replaced is not null)
            {
                RemoveIfUnused(replaced);
            }
        }
    }

    /// <summary>Records the attributes the kernel was just given; true if they match the previous ones
    /// (so data the kernel cached for this inode is still good).</summary>
    public bool Remember(ulong ino, DateTime lastWriteTime, long size)
    {
        lock (_lock)
        {
            if (!_byIno.TryGetValue(ino, out var node))
            {
                return false;
            }
            var seen = (lastWriteTime.Ticks, size);
            var unchanged = node.Seen == seen;
            node.Seen = seen;
            return unchanged;
        }
    }

    /// <summary>The write-behind state of <paramref name="ino"/>, made if <paramref name="create"/>; null for an
    /// unknown inode (or one never written, without create).</summary>
    public InodeWrites? WritesOf(ulong ino, bool create)
    {
        lock (_lock)
        {
            if (!_byIno.TryGetValue(ino, out var node))
            {
                return null;
            }
            if (create)
            {
                node.Writes ??= new InodeWrites();
            }
            return node.Writes;
        }
    }

    /// <summary>The write-behind state of every inode that has one.</summary>
    public List<InodeWrites> AllWrites()
    {
        lock (_lock)
        {
            var all = new List<InodeWrites>();
            foreach (var node in _byIno.Values)
            {
                if (node.Writes is { } writes)
                {
                    all.Add(writes);
                }
            }
            return all;
        }
    }

    private static string? PathOf(Inode node)
    {
        if (node.Detached)
        {
            return null;
        }
        if (node.Parent is null)
        {
            return "";
        }
        var names = new Stack<string>();
        for (var n = node; n.Parent is not null; n = n.Parent)
        {
            names.Push(n.Name);
        }
        return string.Join('/', names); // a stack enumerates from the top: root side first
    }

    // Under _lock. Walks up: a parent may become unused once its last child goes.
    private void RemoveIfUnused(Inode node)
    {
        for (var n = node; n is { Parent: not null, Lookups: 0, Children: 0 }; n = n.Parent)
        {
            _byIno.Remove(n.Ino);
            if (!n.Detached)
            {
                _byName.Remove((n.Parent.Ino, n.Name));
            }
            n.Parent.Children--;
        }
    }
}
