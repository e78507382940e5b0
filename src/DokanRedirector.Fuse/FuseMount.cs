using DokanRedirector.Fuse.Bridge;
using DokanRedirector.Fuse.FileSystem;
using DokanRedirector.Fuse.Mounting;
using DokanRedirector.Fuse.Namespaces;
using DokanRedirector.Fuse.Native;
using DokanRedirector.Rdbss;
using Microsoft.Extensions.Logging;

namespace DokanRedirector.Fuse;

/// <summary>
/// One FUSE mount served by the Redirector: a share mount (a <see cref="Connection"/>'s
/// <c>\\server\share[\sub]</c>) or a network root (<c>/net/&lt;server&gt;/&lt;share&gt;/…</c>, like the MUP).
/// </summary>
public sealed class FuseMount : IAsyncDisposable
{
    // libfuse workers only read requests and start handlers; replies come from the thread pool.
    private static readonly uint LoopThreads = (uint)Math.Max(4, 2 * Environment.ProcessorCount);

    private readonly FuseSession _session;
    private readonly FuseFileSystem _fileSystem;
    private readonly nint _id;
    private readonly int _connectionId;
    private readonly ILogger _log;
    private readonly TaskCompletionSource _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _aborted;

    private FuseMount(string mountPoint, FuseSession session, FuseFileSystem fileSystem, nint id, int connectionId, ILogger log)
    {
        MountPoint = mountPoint;
        _session = session;
        _fileSystem = fileSystem;
        _id = id;
        _connectionId = connectionId;
        _log = log;
    }

    /// <summary>Mounts <paramref name="connection"/> at <paramref name="mountPoint"/>. Throws
    /// <see cref="FuseMountException"/> with a clear message when it cannot.</summary>
    public static Task<FuseMount> MountShareAsync(Redirector redirector, Connection connection, string mountPoint,
        FuseMountOptions options, ILoggerFactory loggerFactory, CancellationToken cancellationToken) =>
        MountAsync(redirector, new ShareNamespace(connection), mountPoint, options,
            options.FsName ?? connection.RemoteName.ToString().Replace('\\', '/'), loggerFactory, cancellationToken);

    /// <summary>Mounts the network root at <paramref name="mountPoint"/>: <c>ls mountPoint/server</c> lists
    /// the server's shares, and <c>mountPoint/server/share/…</c> resolves on demand by UNC name.</summary>
    public static Task<FuseMount> MountNetworkRootAsync(Redirector redirector, string mountPoint,
        FuseMountOptions options, ILoggerFactory loggerFactory, CancellationToken cancellationToken) =>
        MountAsync(redirector, new NetworkRootNamespace(redirector), mountPoint, options,
            options.FsName ?? MountArguments.Subtype, loggerFactory, cancellationToken);

    public string MountPoint { get; }

    /// <summary>Shares watched now for other clients' changes.</summary>
    internal int WatchCount => _fileSystem.WatchCount;

    /// <summary>Completes when the mount has ended, whoever ended it (us, or <c>umount</c>).</summary>
    public Task Completion => _completion.Task;

    private static Task<FuseMount> MountAsync(Redirector redirector, MountNamespace ns, string mountPoint,
        FuseMountOptions options, string fsName, ILoggerFactory loggerFactory, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var log = loggerFactory.CreateLogger<FuseMount>();
        var full = MountPointCheck.Validate(mountPoint);
        LibFuseLog.Install(log);
        var fileSystem = new FuseFileSystem(redirector, ns, options, log);
        var id = MountRegistry.Add(fileSystem);
        FuseSession? session = null;
        try
        {
            session = FuseSession.Create(MountArguments.For(options, fsName), id);
            fileSystem.Session = session;
            session.Mount(full);
            var entry = MountTable.Find(full)
                ?? throw new FuseMountException($"{full} is not in /proc/self/mountinfo after mounting it.");
            if (!KernelMount.TrySetReadAhead(entry, ConnectionTuning.MaxReadahead / 1024))
            {
                Log.ReadAheadUnchanged(log, full);
            }
            var connectionId = entry.Minor;
            var mount = new FuseMount(full, session, fileSystem, id, connectionId, log);
            mount.StartLoop();
            Log.Mounted(log, fsName, full, connectionId);
            return Task.FromResult(mount);
        }
        catch
        {
            session?.Close();
            MountRegistry.Remove(id);
            throw;
        }
    }

    /// <summary>Unmounts. With <paramref name="force"/>, the kernel connection is aborted first, so every
    /// pending and later syscall on the mount fails (ENOTCONN) at once instead of waiting. Without it, a
    /// mount that a process still uses (an open file, a current directory) is left as it is and this throws
    /// <see cref="FuseMountException"/> saying so.</summary>
    public async ValueTask UnmountAsync(bool force)
    {
        // Ended from outside (umount): nothing is left. Ended by our own abort: the session is over, but the
        // mount stays in the namespace until it is detached below.
        if (Completion.IsCompleted && Volatile.Read(ref _aborted) == 0)
        {
            return;
        }
        Log.Unmounting(_log, MountPoint, force);
        if (force)
        {
            await AbortAsync();
            KernelMount.Unmount(MountPoint, lazy: true);
        }
        else
        {
            var errno = KernelMount.Unmount(MountPoint, lazy: false);
            if (errno == Errno.EBUSY)
            {
                throw new FuseMountException(
                    $"{MountPoint} is busy: a process has a file or directory open on it. Close it, or unmount with force.");
            }
        }
        // Any other outcome (EINVAL: someone unmounted it meanwhile) ends the session too.
        await Completion;
    }

    /// <summary>
    /// Aborts the kernel connection: every pending and later syscall on the mount fails (ENOTCONN) at once.
    /// Completes when the writes a write(2) already returned for have reached the server, so a forced
    /// disconnect that follows loses nothing. The mount stays until <see cref="UnmountAsync"/>.
    /// </summary>
    public async Task AbortAsync()
    {
        if (Interlocked.Exchange(ref _aborted, 1) == 0 && !Completion.IsCompleted)
        {
            try
            {
                KernelMount.Abort(_connectionId);
                Log.ConnectionAborted(_log, _connectionId, MountPoint);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                Log.AbortFailed(_log, e, _connectionId, MountPoint);
            }
        }
        await _fileSystem.WhenWritesIdleAsync();
    }

    /// <summary>Unmounts, forcibly if a process still uses the mount: disposing never leaves a mount behind.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            await UnmountAsync(force: false);
        }
        catch (FuseMountException)
        {
            await UnmountAsync(force: true);
        }
    }

    private void StartLoop()
    {
        var thread = new Thread(RunLoop) { IsBackground = true, Name = "fuse " + MountPoint };
        thread.Start();
    }

    private void RunLoop()
    {
        var result = _session.Run(LoopThreads);
        _ = FinishAsync(result);
    }

    private async Task FinishAsync(int result)
    {
        try
        {
            var closed = await _fileSystem.ShutdownAsync();
            _session.Close();
            Log.SessionEnded(_log, MountPoint, result, closed);
        }
        finally
        {
            MountRegistry.Remove(_id);
            _completion.TrySetResult();
        }
    }
}
