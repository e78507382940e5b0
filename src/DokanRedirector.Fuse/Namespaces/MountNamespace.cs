using DokanRedirector.Rdbss;
using DokanRedirector.Rdbss.Mrx;

namespace DokanRedirector.Fuse.Namespaces;

/// <summary>
/// What the paths below a mount name. Paths are '/'-separated and relative to the mount root ("" is
/// the root). Most resolve to a <see cref="NetPath"/>; a network root also has directories of its own
/// (the root itself and one per server), which no share stands behind.
/// </summary>
internal abstract class MountNamespace
{
    /// <summary>The name to open for <paramref name="path"/>, or null for one of the namespace's own
    /// directories. Throws <see cref="Rdbss.Naming.InvalidUncNameException"/> for a name no server can have.</summary>
    public abstract NetPath? Resolve(string path);

    /// <summary>The mount path of the share root <paramref name="path"/> is below (where one watch sees a whole
    /// share), or null for one of the namespace's own directories.</summary>
    public abstract string? ShareRootOf(string path);

    /// <summary>True when the mount root is the only share root (<see cref="ShareRootOf"/> always "").</summary>
    public virtual bool IsOneShare => false;

    /// <summary>Whether one of the namespace's own directories exists (<see cref="Resolve"/> gave null).</summary>
    public virtual ValueTask<NtStatus> LookupOwnDirectoryAsync(string path, CancellationToken cancellationToken) =>
        ValueTask.FromResult(NtStatus.ObjectNameNotFound);

    /// <summary>The children of one of the namespace's own directories (all directories themselves).</summary>
    public virtual ValueTask<RxResult<IReadOnlyList<string>>> ListOwnDirectoryAsync(string path, CancellationToken cancellationToken) =>
        ValueTask.FromResult<RxResult<IReadOnlyList<string>>>(NtStatus.ObjectNameNotFound);
}
