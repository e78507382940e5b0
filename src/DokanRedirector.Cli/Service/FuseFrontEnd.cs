using DokanRedirector.Fuse;
using DokanRedirector.Rdbss;
using Microsoft.Extensions.Logging;

namespace DokanRedirector.Cli.Service;

/// <summary>The Linux front end: each mount is a libfuse3 session served by <see cref="FuseMount"/>.</summary>
internal sealed class FuseFrontEnd(ILoggerFactory loggerFactory) : IMountFrontEnd
{
    public Task<IMount> MountShareAsync(Redirector redirector, Connection connection, string mountPoint, MountOptions options,
        CancellationToken cancellationToken) =>
        MountAsync(() => FuseMount.MountShareAsync(redirector, connection, mountPoint, Convert(options), loggerFactory, cancellationToken));

    public Task<IMount> MountNetworkRootAsync(Redirector redirector, string mountPoint, MountOptions options,
        CancellationToken cancellationToken) =>
        MountAsync(() => FuseMount.MountNetworkRootAsync(redirector, mountPoint, Convert(options), loggerFactory, cancellationToken));

    private static async Task<IMount> MountAsync(Func<Task<FuseMount>> mount)
    {
        try
        {
            return new Mounted(await mount());
        }
        catch (FuseMountException e)
        {
            throw new MountException(e.Message, e);
        }
    }

    private static FuseMountOptions Convert(MountOptions options) => new() { ReadOnly = options.ReadOnly, FsName = options.FsName };

    private sealed class Mounted(FuseMount mount) : IMount
    {
        public string MountPoint => mount.MountPoint;

        public Task Completion => mount.Completion;

        public async ValueTask UnmountAsync(bool force)
        {
            try
            {
                await mount.UnmountAsync(force);
            }
            catch (FuseMountException e)
            {
                throw new MountException(e.Message, e);
            }
        }
    }
}
