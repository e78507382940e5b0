namespace DokanRedirector.Rdbss.Structures;

/// <summary>
/// A reference-counted RDBSS structure. The creator holds the first reference. A new reference is only
/// taken by someone who already holds one, or under the prefix-table lock (which is how lookups and the
/// finalizer agree on "count at the table's floor").
/// </summary>
public abstract class RxNode
{
    private int _referenceCount = 1;

    public int ReferenceCount => Volatile.Read(ref _referenceCount);

    internal void Reference() => Interlocked.Increment(ref _referenceCount);

    /// <summary>Drops one reference and returns the count left.</summary>
    internal int Dereference()
    {
        var left = Interlocked.Decrement(ref _referenceCount);
        if (left < 0)
        {
            throw new InvalidOperationException($"{this} was dereferenced more often than referenced.");
        }
        return left;
    }
}
