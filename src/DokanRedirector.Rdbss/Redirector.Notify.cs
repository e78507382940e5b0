using DokanRedirector.Rdbss.Mrx;

namespace DokanRedirector.Rdbss;

// Directory change notification, for a front end that keeps caches of what it has shown (FUSE's dentries and
// attributes): it watches the directories it caches and drops what the server says changed.
public sealed partial class Redirector
{
    // Enough to watch and no more (FILE_LIST_DIRECTORY), sharing everything: a watch must never stand in anyone's way.
    private static readonly CreateParameters WatchParameters = new(
        NtAccessMask.ReadData | NtAccessMask.Synchronize, NtCreateDisposition.Open, NtCreateOptions.DirectoryFile);

    /// <summary>
    /// Opens <paramref name="directory"/> for <see cref="NotifyChangeDirectoryAsync"/> as a watch (<see cref="Structures.Fobx.IsWatch"/>):
    /// a handle of the front end's own, which no "open files" list shows and which a normal disconnect closes
    /// rather than being refused by. Closed with <see cref="CloseAsync"/> like any handle.
    /// </summary>
    public ValueTask<RxResult<OpenedFile>> OpenWatchAsync(NetPath directory, CancellationToken cancellationToken = default) =>
        CreateAsync(directory, WatchParameters, processId: 0, isWatch: true, cancellationToken);

    /// <summary>The next changes below the directory <paramref name="handle"/>; see
    /// <see cref="IMiniRedirector.NotifyChangeDirectory"/> for the statuses. Waits for as long as nothing changes.</summary>
    public ValueTask<RxResult<IReadOnlyList<DirectoryChange>>> NotifyChangeDirectoryAsync(long handle, NtNotifyFilter filter,
        bool watchTree = false, CancellationToken cancellationToken = default) =>
        WithFobxAsync(handle, (f, ct) => _mrx.NotifyChangeDirectory(f.SrvOpen, filter, watchTree, ct),
            nameof(IMiniRedirector.NotifyChangeDirectory), cancellationToken);
}
