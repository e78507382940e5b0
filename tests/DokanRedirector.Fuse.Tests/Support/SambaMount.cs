using DokanRedirector.Rdbss;
using DokanRedirector.Rdbss.Naming;
using DokanRedirector.SmbMiniRdr;
using Microsoft.Extensions.Logging.Abstractions;

namespace DokanRedirector.Fuse.Tests.Support;

/// <summary>
/// A real Samba on loopback, the Redirector over the SMB mini-redirector, and a FUSE mount of its
/// <c>share</c> (or the network root) in a temp directory. Disposing unmounts (forcibly if a test left
/// something open), stops the Redirector and Samba, and removes the mount point.
/// </summary>
internal sealed class SambaMount : IAsyncDisposable
{
    private SambaMount(SambaServer samba, Redirector redirector, string mountPoint)
    {
        Samba = samba;
        Redirector = redirector;
        MountPoint = mountPoint;
    }

    public SambaServer Samba { get; }

    public Redirector Redirector { get; }

    public string MountPoint { get; }

    public FuseMount Mount { get; private set; } = null!;

    public Connection? Connection { get; private set; }

    /// <summary>The share's directory on the server's disk: what the server really has.</summary>
    public string OnServer(string relative) => Path.Combine(Samba.SharePath("share"), relative);

    /// <summary>A path inside the mount.</summary>
    public string InMount(string relative) => Path.Combine(MountPoint, relative);

    public static async Task<SambaMount> StartShareAsync(FuseMountOptions? options = null, SambaServerOptions? samba = null)
    {
        var mount = await StartAsync(samba ?? new SambaServerOptions());
        var connected = await mount.Redirector.ConnectAsync(mount.MountPoint, UncName.Parse($@"\\{SambaServer.Host}\share"),
            new UserCredentials(SambaServer.User, null, SambaServer.Password));
        Assert.That(connected.Status, Is.EqualTo(NtStatus.Success), "connect to Samba");
        mount.Connection = connected.Value!;
        mount.Mount = await FuseMount.MountShareAsync(mount.Redirector, mount.Connection, mount.MountPoint,
            options ?? new FuseMountOptions(), NullLoggerFactory.Instance, CancellationToken.None);
        return mount;
    }

    public static async Task<SambaMount> StartNetworkRootAsync()
    {
        var mount = await StartAsync(new SambaServerOptions { EnableRpc = true });
        mount.Mount = await FuseMount.MountNetworkRootAsync(mount.Redirector, mount.MountPoint,
            new FuseMountOptions(), NullLoggerFactory.Instance, CancellationToken.None);
        return mount;
    }

    private static async Task<SambaMount> StartAsync(SambaServerOptions options)
    {
        FuseAvailability.Require();
        var samba = await TestSamba.StartAsync(options);
        var mrx = new SmbMiniRedirector();
        mrx.SetServer(SambaServer.Host, new SmbServerSettings(samba.Port));
        var redirector = new Redirector(mrx, new RedirectorOptions
        {
            ImplicitCredentials = _ => new UserCredentials(SambaServer.User, null, SambaServer.Password),
        });
        var mountPoint = Directory.CreateTempSubdirectory("fuse-mount-").FullName;
        return new SambaMount(samba, redirector, mountPoint);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (Mount is not null)
            {
                await Mount.DisposeAsync();
            }
        }
        finally
        {
            await Redirector.DisposeAsync();
            await Samba.DisposeAsync();
            Directory.Delete(MountPoint);
        }
    }
}
