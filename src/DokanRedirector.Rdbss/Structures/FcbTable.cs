namespace DokanRedirector.Rdbss.Structures;

/// <summary>The FCBs of one NetRoot by share-relative path, case-insensitively.</summary>
internal sealed class FcbTable
{
    // Lock order: prefix table → FCB table (this) → FCB. Never held across an await.
    private readonly Lock _lock = new();
    private readonly Dictionary<string, Fcb> _fcbs = new(StringComparer.OrdinalIgnoreCase);

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _fcbs.Count;
            }
        }
    }

    /// <summary>Finds the FCB for <paramref name="path"/> and references it, or creates it (which
    /// references the NetRoot).</summary>
    public Fcb Acquire(NetRoot netRoot, string path)
    {
        lock (_lock)
        {
            if (_fcbs.TryGetValue(path, out var fcb))
            {
                fcb.Reference();
                return fcb;
            }
            netRoot.Reference();
            fcb = new Fcb(netRoot, path);
            _fcbs.Add(path, fcb);
            return fcb;
        }
    }

    /// <summary>Drops a reference; the last one removes the FCB and releases its NetRoot reference.
    /// Returns true when the FCB was removed (the caller then dereferences the NetRoot).</summary>
    public bool Release(Fcb fcb)
    {
        lock (_lock)
        {
            if (fcb.Dereference() != 0)
            {
                return false;
            }
            _fcbs.Remove(fcb.Path);
            return true;
        }
    }
}
