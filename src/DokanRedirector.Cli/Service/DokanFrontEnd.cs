using System.Runtime.Versioning;
using DokanRedirector.Dokan;
using DokanRedirector.Rdbss;
using Microsoft.Extensions.Logging;

namespace DokanRedirector.Cli.Service;

/// <summary>The Windows front end: each mount is a network drive served through dokan2.dll by <see cref="DokanMount"/>.</summary>
[SupportedOSPlatform("windows")]
internal sealed class DokanFrontEnd(ILoggerFactory loggerFactory) : IMountFrontEnd
{
    /// <summary>Maps the connection's drive letter (<paramref name="mountPoint"/> is its local name, e.g. "Z:").</summary>
    public Task<IMount> MountShareAsync(Redirector redirector, Connection connection, string mountPoint, MountOptions options,
        CancellationToken cancellationToken) =>
        Task.Run<IMount>(() =>
        {
            try
            {
                return new Mounted(DokanMount.Mount(redirector, connection, new DokanMountOptions { ReadOnly = options.ReadOnly },
                    loggerFactory));
            }
            catch (DokanMountException e)
            {
                throw new MountException(e.Message, e);
            }
        }, cancellationToken);

    /// <summary>Windows already resolves <c>\\server\share</c> paths itself (the MUP and its redirectors).</summary>
    public Task<IMount> MountNetworkRootAsync(Redirector redirector, string mountPoint, MountOptions options,
        CancellationToken cancellationToken) =>
        throw new MountException(@"A network root is for Linux; on Windows map each share to a drive: dokanredirector use Z: \\server\share");

    private sealed class Mounted(DokanMount mount) : IMount
    {
        public string MountPoint => mount.MountPoint;

        public Task Completion => mount.Completion;

        public ValueTask UnmountAsync(bool force) => mount.UnmountAsync(force);
    }
}
