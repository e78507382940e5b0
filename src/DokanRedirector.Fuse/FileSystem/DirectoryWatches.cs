using DokanRedirector.Fuse.Mounting;
using DokanRedirector.Rdbss;
using DokanRedirector.Rdbss.Mrx;
using Microsoft.Extensions.Logging;

namespace DokanRedirector.Fuse.FileSystem;

/// <summary>
/// Keeps what the kernel caches of a share in step with the server. While the kernel may still hold names or
/// attributes we told it about a share (the cache lifetime since our last answer there), one SMB2 CHANGE_NOTIFY
/// with WATCH_TREE waits on the share's root directory; what another client changes anywhere below is then
/// dropped from the kernel's caches at once, instead of showing stale for up to the lifetimes. Past the lifetime
/// the watch ends by itself, so an idle mount holds no handle.
/// </summary>
/// <remarks>
/// <para>One watch per share root, not one per directory: a server refuses to rename or delete a directory while a
/// handle is open below it (NTFS, and Samba's have_file_open_below), so watching the directories themselves would
/// make our own <c>mv</c> and <c>rm -r</c> fail, and other clients' too. Nobody renames a share's root.</para>
/// <para>Lock order: <see cref="_lock"/> is a leaf. The kernel notifications run on the watch's own continuation,
/// never in a request handler: an entry invalidation takes the directory's inode lock, which a request in that
/// directory may hold while it waits for our reply (fuse_lowlevel.h), and that reply never waits for a watch.</para>
/// </remarks>
/// <param name="resolve">What a share root's mount path names, or null where nothing can be watched.</param>
internal sealed class DirectoryWatches(Redirector redirector, InodeTable inodes, Func<string, NetPath?> resolve, TimeSpan lifetime, ILogger log)
{
    // Names, directory names, attributes, size, write and creation times: what stat and lookup show. Not access
    // times, which every read would change.
    private const NtNotifyFilter Filter = NtNotifyFilter.FileName | NtNotifyFilter.DirName
        | NtNotifyFilter.Attributes | NtNotifyFilter.Size | NtNotifyFilter.LastWrite | NtNotifyFilter.Creation;

    private readonly Lock _lock = new();
    private readonly Dictionary<ulong, Watch> _watches = [];
    private readonly CancellationTokenSource _stopping = new();

    /// <summary>Where kernel notifications go; set once the session exists.</summary>
    public FuseSession? Session { get; set; }

    /// <summary>Shares watched now.</summary>
    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _watches.Count;
            }
        }
    }

    /// <summary>
    /// We just told the kernel something it may cache below the share root <paramref name="root"/> (at the mount path
    /// <paramref name="rootPath"/>): watch the share for the lifetime from now.
    /// </summary>
    public void Touch(ulong root, string rootPath)
    {
        Watch watch;
        lock (_lock)
        {
            if (_watches.TryGetValue(root, out var existing))
            {
                existing.Renew(lifetime);
                return;
            }
            if (_stopping.IsCancellationRequested)
            {
                return;
            }
            watch = new Watch(root, _stopping.Token);
            watch.Renew(lifetime);
            _watches.Add(root, watch);
        }
        watch.Run = RunAsync(watch, resolve(rootPath));
    }

    /// <summary>Ends every watch (their handles closed) before the session goes.</summary>
    public async Task StopAsync()
    {
        List<Watch> all;
        lock (_lock)
        {
            _stopping.Cancel();
            all = [.. _watches.Values];
        }
        foreach (var watch in all)
        {
            // Run is set just after the watch is added; a Touch racing with this sets it within microseconds.
            await (Volatile.Read(ref watch.Run) ?? Task.CompletedTask);
        }
    }

    private async Task RunAsync(Watch watch, NetPath? path)
    {
        await Task.Yield(); // the caller is a request's reply path: it must not wait for the open
        var failed = true;
        try
        {
            failed = !await WatchAsync(watch, path);
        }
        catch (OperationCanceledException)
        {
            failed = false; // expired or stopped while opening
        }
        catch (Exception e)
        {
            Log.WatchEnded(log, e, watch.Root);
        }
        finally
        {
            if (failed)
            {
                // A share that cannot be watched (no CHANGE_NOTIFY, no access to its root, a lost connection) is
                // tried again a lifetime later, not at every answer: the entry stays meanwhile, and Touch finds it.
                await Task.Delay(lifetime, _stopping.Token).ContinueWith(static _ => { }, TaskScheduler.Default);
            }
            lock (_lock)
            {
                _watches.Remove(watch.Root);
            }
            watch.Dispose();
        }
    }

    /// <summary>Watches until the watch expires or is stopped (true), or the server ends it (false).</summary>
    private async Task<bool> WatchAsync(Watch watch, NetPath? path)
    {
        if (path is null)
        {
            return false;
        }
        var opened = await redirector.OpenWatchAsync(path.Value, watch.Token);
        if (!opened.IsSuccess)
        {
            Log.WatchFailed(log, path.Value.ToString(), opened.Status.ToString());
            return watch.Token.IsCancellationRequested;
        }
        var handle = opened.Value.Handle;
        try
        {
            while (true)
            {
                var changes = await redirector.NotifyChangeDirectoryAsync(handle, Filter, watchTree: true, watch.Token);
                if (watch.Token.IsCancellationRequested)
                {
                    return true;
                }
                if (!changes.IsSuccess || changes.Status == NtStatus.NotifyCleanup)
                {
                    Log.WatchFailed(log, path.Value.ToString(), changes.Status.ToString());
                    return false;
                }
                Apply(watch.Root, changes.Status, changes.Value!);
            }
        }
        finally
        {
            await redirector.CloseAsync(handle);
        }
    }

    private void Apply(ulong root, NtStatus status, IReadOnlyList<DirectoryChange> changes)
    {
        if (Session is not { } session)
        {
            return;
        }
        if (status == NtStatus.NotifyEnumDir)
        {
            // Too much changed to be told: forget every name the kernel may hold.
            foreach (var (parent, name) in inodes.AllNames())
            {
                session.InvalidateEntry(parent, name);
            }
            return;
        }
        var changedDirectories = new HashSet<ulong>();
        foreach (var change in changes)
        {
            // "a\b\c" below the root: only where the kernel knows every directory on the way can it cache anything.
            var directory = root;
            var names = change.Name.Split('\\');
            for (var i = 0; i < names.Length - 1 && directory != 0; i++)
            {
                directory = inodes.Find(directory, names[i]);
            }
            if (directory == 0)
            {
                continue;
            }
            var name = names[^1];
            var ino = inodes.Find(directory, name);
            switch (change.Action)
            {
                case NtNotifyAction.Added or NtNotifyAction.RenamedNewName:
                    // Known: its attributes are someone else's now. Unknown: the kernel may hold "no such name".
                    if (ino != 0)
                    {
                        session.InvalidateAttributes(ino);
                    }
                    else
                    {
                        session.InvalidateEntry(directory, name);
                    }
                    changedDirectories.Add(directory);
                    break;
                case NtNotifyAction.Removed or NtNotifyAction.RenamedOldName:
                    // Unknown: gone already (our own unlink or rename took it out of the table), or never cached.
                    if (ino != 0)
                    {
                        session.InvalidateEntry(directory, name);
                    }
                    changedDirectories.Add(directory);
                    break;
                case NtNotifyAction.Modified when ino != 0:
                    session.InvalidateAttributes(ino);
                    break;
            }
        }
        foreach (var directory in changedDirectories)
        {
            session.InvalidateAttributes(directory); // its times and link count
        }
    }

    private sealed class Watch(ulong root, CancellationToken stopping) : IDisposable
    {
        private readonly CancellationTokenSource _expiry = CancellationTokenSource.CreateLinkedTokenSource(stopping);

        public ulong Root { get; } = root;

        /// <summary>Cancelled when the lifetime passes without a <see cref="Renew"/>, or on stop.</summary>
        public CancellationToken Token => _expiry.Token;

        public Task? Run;

        /// <summary>Under the watches' lock, so never after <see cref="Dispose"/> (which follows the removal).</summary>
        public void Renew(TimeSpan lifetime) => _expiry.CancelAfter(lifetime);

        public void Dispose() => _expiry.Dispose();
    }
}
