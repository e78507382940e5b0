using DokanRedirector.SmbMiniRdr;
using Microsoft.Extensions.Logging.Abstractions;

namespace DokanRedirector.Dokan.Tests.Conformance;

/// <summary>Drive Z: mapped to a real Samba's share through the real Redirector and SMB mini-redirector, served
/// by a <see cref="DokanFileSystem"/> driven by an <see cref="IoManager"/>; no dokan2.dll.</summary>
internal sealed class SambaDrive : IAsyncDisposable
{
    public const string LocalName = "Z:";

    private SambaDrive(SambaServer samba, Redirector redirector, Connection connection, RecordingTimeout timeout)
    {
        Samba = samba;
        Redirector = redirector;
        Connection = connection;
        Timeout = timeout;
        FileSystem = new DokanFileSystem(redirector, connection, timeout, NullLogger.Instance);
        Io = new IoManager(FileSystem);
    }

    public SambaServer Samba { get; }

    public Redirector Redirector { get; }

    public Connection Connection { get; }

    public RecordingTimeout Timeout { get; }

    public DokanFileSystem FileSystem { get; }

    public IoManager Io { get; }

    public static async Task<SambaDrive> MapAsync(SambaServer samba)
    {
        var mrx = new SmbMiniRedirector();
        mrx.SetServer(SambaServer.Host, new SmbServerSettings(samba.Port));
        var redirector = new Redirector(mrx, new RedirectorOptions { ScavengerDelay = TimeSpan.Zero });
        var connected = await redirector.ConnectAsync(LocalName, UncName.Parse($@"\\{SambaServer.Host}\share"),
            new UserCredentials(SambaServer.User, null, SambaServer.Password));
        Assert.That(connected.Status, Is.EqualTo(NtStatus.Success), "map Z: to the share");
        return new SambaDrive(samba, redirector, connected.Value!, new RecordingTimeout(TimeSpan.FromSeconds(5)));
    }

    /// <summary>The file on the share's disk behind a drive path ("\dir\file").</summary>
    public string OnDisk(string fileName) => Path.Combine(Samba.SharePath("share"), fileName.TrimStart('\\').Replace('\\', '/'));

    public async ValueTask DisposeAsync()
    {
        await FileSystem.ReleaseHandlesAsync();
        await Redirector.DisposeAsync();
    }
}
