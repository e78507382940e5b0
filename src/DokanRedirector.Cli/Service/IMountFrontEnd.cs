using DokanRedirector.Rdbss;

namespace DokanRedirector.Cli.Service;

/// <summary>
/// What makes a connection visible to programs: FUSE on Linux, Dokan on Windows. The service owns the
/// Redirector and the connections; a front end only serves them at a mount point.
/// </summary>
internal interface IMountFrontEnd
{
    /// <summary>Serves <paramref name="connection"/> at <paramref name="mountPoint"/>.</summary>
    /// <exception cref="MountException">The mount could not be made; the message says why.</exception>
    Task<IMount> MountShareAsync(Redirector redirector, Connection connection, string mountPoint, MountOptions options,
        CancellationToken cancellationToken);

    /// <summary>Serves every server by UNC name below <paramref name="mountPoint"/> (<c>/net/server/share</c>), like the MUP.</summary>
    /// <exception cref="MountException">The mount could not be made; the message says why.</exception>
    Task<IMount> MountNetworkRootAsync(Redirector redirector, string mountPoint, MountOptions options,
        CancellationToken cancellationToken);
}

/// <summary>A live mount.</summary>
internal interface IMount
{
    string MountPoint { get; }

    /// <summary>Completes when the mount has ended, whoever ended it (the service, or <c>umount</c>).</summary>
    Task Completion { get; }

    /// <summary>
    /// With <paramref name="force"/>, pending and later calls on the mount fail at once instead of waiting, and the
    /// writes programs were already told succeeded reach the redirector before this completes.
    /// </summary>
    /// <exception cref="MountException">Without force: the mount is busy (a process uses it).</exception>
    ValueTask UnmountAsync(bool force);
}

/// <summary>How a mount is presented.</summary>
/// <param name="FsName">The source column of the mount table, e.g. <c>//server/share</c>.</param>
internal sealed record MountOptions(bool ReadOnly, string FsName);

/// <summary>A front end could not mount; <see cref="Exception.Message"/> is for the user.</summary>
internal sealed class MountException(string message, Exception? inner = null) : Exception(message, inner);
