using DokanRedirector.Rdbss;
using Microsoft.Extensions.Logging;

namespace DokanRedirector.Fuse;

/// <summary>
/// One FUSE mount served by the Redirector: a share mount (a <see cref="Connection"/>'s
/// <c>\\server\share[\sub]</c>) or a network root (<c>/net/&lt;server&gt;/&lt;share&gt;/…</c>, like the MUP).
/// </summary>
public sealed class FuseMount : IAsyncDisposable
{
    private FuseMount() => throw new NotImplementedException();

    /// <summary>Mounts <paramref name="connection"/> at <paramref name="mountPoint"/>. Throws
    /// <see cref="FuseMountException"/> with a clear message when it cannot.</summary>
    public static Task<FuseMount> MountShareAsync(Redirector redirector, Connection connection, string mountPoint,
        FuseMountOptions options, ILoggerFactory loggerFactory, CancellationToken cancellationToken) =>
        throw new NotImplementedException();

    /// <summary>Mounts the network root at <paramref name="mountPoint"/>: <c>ls mountPoint/server</c> lists
    /// the server's shares, and <c>mountPoint/server/share/…</c> resolves on demand by UNC name.</summary>
    public static Task<FuseMount> MountNetworkRootAsync(Redirector redirector, string mountPoint,
        FuseMountOptions options, ILoggerFactory loggerFactory, CancellationToken cancellationToken) =>
        throw new NotImplementedException();

    public string MountPoint => throw new NotImplementedException();

    /// <summary>Completes when the mount has ended, whoever ended it (us, or <c>umount</c>).</summary>
    public Task Completion => throw new NotImplementedException();

    /// <summary>Unmounts. With <paramref name="force"/>, the kernel connection is aborted first, so every
    /// pending and later syscall on the mount fails (ENOTCONN) at once instead of waiting.</summary>
    public ValueTask UnmountAsync(bool force) => throw new NotImplementedException();

    public ValueTask DisposeAsync() => UnmountAsync(force: false);
}
