using DokanRedirector.Rdbss.Structures;

namespace DokanRedirector.Rdbss.Prefix;

/// <summary>
/// The RDBSS prefix table: keys <c>\server</c>, <c>\server\share</c>, <c>\server\share\sub…</c>,
/// compared case-insensitively (ordinal, upper-invariant, as Windows does). Lookup returns the longest
/// registered prefix at component boundaries.
/// </summary>
/// <remarks>
/// Cost is independent of the table size: one hash probe per candidate depth, and only depths that
/// have at least one key are probed, so a lookup walks at most the name's components.
/// Lock order: prefix table (this) → FCB table → FCB. The lock is never held across an await.
/// The table holds one reference on every entry (taken by <see cref="Insert"/>, dropped by
/// <see cref="Remove"/>), so an entry whose count is 1 is in use by nobody else: finalizable.
/// </remarks>
public sealed class PrefixTable : IDisposable
{
    private readonly ReaderWriterLockSlim _lock = new(LockRecursionPolicy.NoRecursion);
    private readonly Dictionary<string, NetNode> _entries = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, NetNode>.AlternateLookup<ReadOnlySpan<char>> _byspan;
    // _keysAtDepth[d] = how many keys have d components; lets lookups skip empty depths.
    private int[] _keysAtDepth = new int[8];
    private int _maxDepth;

    public PrefixTable() => _byspan = _entries.GetAlternateLookup<ReadOnlySpan<char>>();

    public int Count => _entries.Count;

    public LockScope EnterShared() => new(_lock, exclusive: false);

    public LockScope EnterExclusive() => new(_lock, exclusive: true);

    internal bool IsHeldExclusively => _lock.IsWriteLockHeld;

    internal bool IsHeld => _lock.IsReadLockHeld || _lock.IsWriteLockHeld;

    /// <summary>The longest registered prefix of <paramref name="name"/>. Caller holds the lock.</summary>
    public PrefixMatch Lookup(ReadOnlySpan<char> name)
    {
        System.Diagnostics.Debug.Assert(IsHeld, "Lookup needs the table lock (shared or exclusive).");
        if (name.IsEmpty || name[0] != '\\' || _entries.Count == 0)
        {
            return default;
        }
        // ends[d-1] = end of the d-component prefix; only the first _maxDepth are needed.
        Span<int> ends = stackalloc int[Math.Min(_maxDepth, 64)];
        var depth = 0;
        for (var i = 1; i <= name.Length && depth < ends.Length; i++)
        {
            if (i == name.Length || name[i] == '\\')
            {
                ends[depth++] = i;
            }
        }
        for (var d = depth; d >= 1; d--)
        {
            if (_keysAtDepth[d] != 0 && _byspan.TryGetValue(name[..ends[d - 1]], out var node))
            {
                return new PrefixMatch(node, ends[d - 1]);
            }
        }
        return default;
    }

    /// <summary>The entry registered under exactly <paramref name="key"/>. Caller holds the lock.</summary>
    public NetNode? Find(ReadOnlySpan<char> key)
    {
        System.Diagnostics.Debug.Assert(IsHeld, "Find needs the table lock.");
        return _byspan.TryGetValue(key, out var node) ? node : null;
    }

    /// <summary>Registers <paramref name="node"/> and takes the table's reference. Caller holds the lock exclusively.</summary>
    public void Insert(NetNode node)
    {
        System.Diagnostics.Debug.Assert(IsHeldExclusively, "Insert needs the exclusive table lock.");
        _entries.Add(node.PrefixKey, node);
        var depth = DepthOf(node.PrefixKey);
        if (depth >= _keysAtDepth.Length)
        {
            Array.Resize(ref _keysAtDepth, Math.Max(depth + 1, _keysAtDepth.Length * 2));
        }
        _keysAtDepth[depth]++;
        _maxDepth = Math.Max(_maxDepth, depth);
        node.Reference();
        node.InTable = true;
    }

    /// <summary>Unregisters <paramref name="node"/>. The caller drops the table's reference it returns
    /// to it (true) with Dereference. Caller holds the lock exclusively.</summary>
    public bool Remove(NetNode node)
    {
        System.Diagnostics.Debug.Assert(IsHeldExclusively, "Remove needs the exclusive table lock.");
        if (!node.InTable || !_entries.Remove(node.PrefixKey))
        {
            return false;
        }
        node.InTable = false;
        var depth = DepthOf(node.PrefixKey);
        if (--_keysAtDepth[depth] == 0 && depth == _maxDepth)
        {
            while (_maxDepth > 0 && _keysAtDepth[_maxDepth] == 0)
            {
                _maxDepth--;
            }
        }
        return true;
    }

    /// <summary>Every entry; a snapshot. Caller holds the lock.</summary>
    public List<NetNode> Snapshot() => [.. _entries.Values];

    public void Dispose() => _lock.Dispose();

    // "\server\share\sub" has 3 components: one per backslash.
    private static int DepthOf(string key) => key.AsSpan().Count('\\');

    /// <summary>Holds the table lock for a using-block. Never await inside one.</summary>
    public readonly struct LockScope : IDisposable
    {
        private readonly ReaderWriterLockSlim _lock;
        private readonly bool _exclusive;

        internal LockScope(ReaderWriterLockSlim rwLock, bool exclusive)
        {
            _lock = rwLock;
            _exclusive = exclusive;
            if (exclusive)
            {
                rwLock.EnterWriteLock();
            }
            else
            {
                rwLock.EnterReadLock();
            }
        }

        public void Dispose()
        {
            if (_exclusive)
            {
                _lock.ExitWriteLock();
            }
            else
            {
                _lock.ExitReadLock();
            }
        }
    }
}
