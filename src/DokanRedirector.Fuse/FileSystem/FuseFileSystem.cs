using System.Collections.Concurrent;
using DokanRedirector.Fuse.Mounting;
using DokanRedirector.Fuse.Namespaces;
using DokanRedirector.Fuse.Native;
using DokanRedirector.Rdbss;
using DokanRedirector.Rdbss.Mrx;
using DokanRedirector.Rdbss.Naming;
using Microsoft.Extensions.Logging;

namespace DokanRedirector.Fuse.FileSystem;

/// <summary>
/// The FUSE front end of one mount: each low-level operation becomes Redirector calls. A handler runs
/// on a libfuse worker only until its first await; the reply (<c>fuse_reply_*</c>) is sent from the
/// thread pool when the Redirector answers, so a slow server never holds a FUSE worker.
/// </summary>
/// <remarks>
/// Identity: inode numbers are ours (<see cref="InodeTable"/>); a file handle (fh) is the Redirector's
/// handle id; the network root's own directories get negative ids of ours.
/// Lock order: no lock of this class is held while another is taken; the inode table's lock is a leaf.
/// </remarks>
internal sealed partial class FuseFileSystem
{
    private readonly Redirector _redirector;
    private readonly MountNamespace _namespace;
    private readonly InodeTable _inodes = new();
    private readonly StatMapping _stat;
    private readonly double _attributeTimeout;
    private readonly double _entryTimeout;
    private readonly double _negativeEntryTimeout;
    private readonly ILogger _log;
    private readonly PendingReplies _pending = new();
    // Cancelled when the session ends: whatever is still in flight answers at once.
    private readonly CancellationTokenSource _lifetime = new();
    private readonly Interrupts _interrupts;
    private readonly DirectoryWatches _watches;
    // Handles the kernel holds; closed by us if the session ends before it releases them.
    private readonly ConcurrentDictionary<long, ulong> _openFiles = new();
    private readonly ConcurrentDictionary<long, DirectoryHandle> _openDirectories = new();
    private readonly DateTime _created = DateTime.UtcNow;
    private long _lastOwnDirectoryHandle;

    public FuseFileSystem(Redirector redirector, MountNamespace ns, FuseMountOptions options, ILogger log)
    {
        _redirector = redirector;
        _namespace = ns;
        _stat = new StatMapping(Libc.GetEffectiveUserId(), Libc.GetEffectiveGroupId());
        _attributeTimeout = options.AttributeTimeout.TotalSeconds;
        _entryTimeout = options.EntryTimeout.TotalSeconds;
        _negativeEntryTimeout = options.NegativeEntryTimeout.TotalSeconds;
        _log = log;
        _interrupts = new Interrupts(_lifetime.Token);
        var cached = new[] { options.AttributeTimeout, options.EntryTimeout, options.NegativeEntryTimeout }.Max();
        _watches = new DirectoryWatches(redirector, _inodes, path => TryResolve(path, out var netPath, out _) ? netPath : null, cached, log);
    }

    private CancellationToken Lifetime => _lifetime.Token;

    /// <summary>The kernel side of the mount, for what we tell it unasked (cache invalidation); set once the
    /// session exists, before the first request.</summary>
    public FuseSession? Session
    {
        get => _watches.Session;
        set => _watches.Session = value;
    }

    /// <summary>Shares watched for other clients' changes now (<see cref="DirectoryWatches"/>).</summary>
    public int WatchCount => _watches.Count;

    /// <summary>FUSE_INTERRUPT for the request <see cref="Interrupts"/> gave <paramref name="id"/>.</summary>
    public void Interrupt(nint id) => _interrupts.Interrupt(id);

    /// <summary>After the session loop ended: stops what is in flight, waits for every reply, then closes
    /// the handles the kernel never released (it will not, once the connection is gone).</summary>
    public async Task<int> ShutdownAsync()
    {
        // Writes the kernel was told are done go on to the server first: cancelling them would lose them.
        await WhenWritesIdleAsync();
        await _watches.StopAsync();
        await _lifetime.CancelAsync();
        await _pending.DrainAsync();
        var handles = new List<long>(_openFiles.Keys);
        foreach (var (handle, _) in _openDirectories)
        {
            if (handle > 0)
            {
                handles.Add(handle);
            }
        }
        _openFiles.Clear();
        _openDirectories.Clear();
        foreach (var handle in handles)
        {
            await _redirector.CloseAsync(handle);
        }
        _lifetime.Dispose();
        return handles.Count;
    }

    /// <summary>Completes when every write already answered to the kernel has reached the server, or failed.</summary>
    public Task WhenWritesIdleAsync()
    {
        var writes = _inodes.AllWrites();
        var idle = new Task[writes.Count];
        for (var i = 0; i < idle.Length; i++)
        {
            idle[i] = writes[i].WhenIdleAsync();
        }
        return Task.WhenAll(idle);
    }

    /// <summary>init: what we want of the kernel (<see cref="ConnectionTuning"/>).</summary>
    public void Initialize(ref FuseConnInfo connection)
    {
        ConnectionTuning.Apply(ref connection);
        Log.Initialized(_log, connection.ProtoMinor, connection.Capable, connection.Want, connection.MaxWrite, connection.MaxReadahead);
    }

    /// <summary>The exception firewall's answer: logged, and EIO to the kernel.</summary>
    public void Fail(FuseRequest request, Exception exception, string operation)
    {
        Log.HandlerFailed(_log, exception, operation);
        request.ReplyError(Errno.EIO);
    }

    /// <summary>Lets a started handler finish on its own; a handler that throws is answered EIO.</summary>
    private void Start(FuseRequest request, ValueTask work, string operation)
    {
        if (work.IsCompletedSuccessfully)
        {
            return;
        }
        _pending.Add();
        _ = ObserveAsync(request, work, operation);
    }

    private async Task ObserveAsync(FuseRequest request, ValueTask work, string operation)
    {
        try
        {
            await work;
        }
        catch (OperationCanceledException)
        {
            // Interrupted, or the session is ending: nothing was answered yet.
            request.ReplyError(Errno.EINTR);
        }
        catch (Exception e)
        {
            Fail(request, e, operation);
        }
        finally
        {
            _pending.Done();
        }
    }

    /// <summary>Where <paramref name="path"/> goes: false with an errno for an unknown inode or a name no
    /// server can have; true with null for one of the namespace's own directories.</summary>
    private bool TryResolve(string? path, out NetPath? netPath, out int errno)
    {
        netPath = null;
        errno = 0;
        if (path is null)
        {
            errno = Errno.ENOENT;
            return false;
        }
        try
        {
            netPath = _namespace.Resolve(path);
            return true;
        }
        catch (InvalidUncNameException e)
        {
            errno = e.Error is UncNameError.ComponentTooLong or UncNameError.PathTooLong ? Errno.ENAMETOOLONG : Errno.EINVAL;
            return false;
        }
    }

    /// <summary><see cref="TryResolve"/> for operations that need a share behind the path: one of the
    /// namespace's own directories answers <paramref name="ownDirectoryErrno"/>.</summary>
    private bool TryResolveOnShare(string? path, int ownDirectoryErrno, out NetPath netPath, out int errno)
    {
        netPath = default;
        if (!TryResolve(path, out var resolved, out errno))
        {
            return false;
        }
        if (resolved is null)
        {
            errno = ownDirectoryErrno;
            return false;
        }
        netPath = resolved.Value;
        return true;
    }

    /// <summary>Waits until no write-behind of <paramref name="ino"/> is in flight (<see cref="InodeWrites"/>).</summary>
    private Task WritesSettledAsync(ulong ino) => _inodes.WritesOf(ino, create: false)?.WhenIdleAsync() ?? Task.CompletedTask;

    /// <summary>Same, for a name, if the kernel has an inode for it.</summary>
    private Task WritesSettledAsync(ulong parent, string name) => WritesSettledAsync(_inodes.Find(parent, name));

    private FuseEntryParam Entry(ulong ino, Stat attributes) => new()
    {
        Ino = ino,
        Attributes = attributes,
        AttributeTimeout = _attributeTimeout,
        EntryTimeout = _entryTimeout,
    };

    /// <summary>fuse_reply_entry for a name that exists: one more lookup counted, undone if the kernel
    /// did not take the reply (fuse_lowlevel.h: the lookup count only grows on a successful reply).</summary>
    private void ReplyEntry(FuseRequest request, ulong parent, string name, FileInformation? information)
    {
        var ino = _inodes.Lookup(parent, name);
        if (ino == 0)
        {
            request.ReplyError(Errno.ENOENT);
            return;
        }
        var stat = information is { } info ? Remembered(ino, info) : _stat.VirtualDirectory(ino, _created);
        if (request.ReplyEntry(Entry(ino, stat)) != 0)
        {
            _inodes.Forget(ino, 1);
        }
    }

    /// <summary>The stat of <paramref name="info"/>, noting what the kernel is told (for FOPEN_KEEP_CACHE) and
    /// watching its share while the kernel may cache it.</summary>
    private Stat Remembered(ulong ino, in FileInformation info)
    {
        _inodes.Remember(ino, info.LastWriteTime, info.EndOfFile);
        Watch(ino);
        return _stat.From(ino, info);
    }

    /// <summary>Keeps the share <paramref name="ino"/> is on watched for other clients' changes
    /// (<see cref="DirectoryWatches"/>); nothing for the network root's own directories.</summary>
    private void Watch(ulong ino)
    {
        if (_namespace.IsOneShare)
        {
            _watches.Touch(InodeTable.RootIno, ""); // every answer of this hot path: no path to build
            return;
        }
        if (_inodes.PathOf(ino) is { } path && _namespace.ShareRootOf(path) is { } rootPath
            && _inodes.FindPath(rootPath) is var root and not 0)
        {
            _watches.Touch(root, rootPath);
        }
    }

    private sealed class DirectoryHandle(ulong ino, string path, bool isOwn)
    {
        public ulong Ino { get; } = ino;

        public string Path { get; } = path;

        /// <summary>One of the network root's own directories: listed by the namespace, no handle.</summary>
        public bool IsOwn { get; } = isOwn;

        /// <summary>Replaced whole at every readdir of offset 0; pages are served from a snapshot.</summary>
        public DirectoryListing Listing { get; set; } = DirectoryListing.Empty;
    }
}
