namespace DokanRedirector.SmbMiniRdr.Tests;

/// <summary>A Redirector over the SMB mini-redirector, pointed at a real Samba on loopback.</summary>
internal sealed class SambaRedirector : IAsyncDisposable
{
    public static readonly CreateParameters ReadWriteOpenIf =
        new(NtAccessMask.GenericRead | NtAccessMask.GenericWrite, NtCreateDisposition.OpenIf);

    public static readonly CreateParameters ListDirectory =
        new(NtAccessMask.GenericRead, NtCreateDisposition.Open, NtCreateOptions.DirectoryFile);

    public SambaRedirector(SambaServer samba, SmbServerSettings? settings = null, TimeSpan? scavengerDelay = null)
    {
        Samba = samba;
        MiniRedirector = new SmbMiniRedirector();
        MiniRedirector.SetServer(SambaServer.Host, settings ?? new SmbServerSettings(samba.Port));
        Redirector = new Redirector(MiniRedirector, new RedirectorOptions
        {
            ImplicitCredentials = _ => Credentials,
            ScavengerDelay = scavengerDelay ?? TimeSpan.FromSeconds(60),
        });
    }

    public static UserCredentials Credentials { get; } = new(SambaServer.User, null, SambaServer.Password);

    public SambaServer Samba { get; }

    public SmbMiniRedirector MiniRedirector { get; }

    public Redirector Redirector { get; }

    public static NetPath Unc(string relative, string share = "share") =>
        NetPath.Unc(UncName.Parse($@"\\{SambaServer.Host}\{share}").Combine(relative));

    public string OnDisk(string relative, string share = "share") => Path.Combine(Samba.SharePath(share), relative);

    public async Task<long> OpenAsync(NetPath path, CreateParameters? parameters = null)
    {
        var opened = await Redirector.CreateAsync(path, parameters ?? ReadWriteOpenIf);
        Assert.That(opened.Status, Is.EqualTo(NtStatus.Success), $"open {path}");
        return opened.Value.Handle;
    }

    public async Task<Connection> ConnectAsync(string local, string remote, UserCredentials? credentials = null)
    {
        var connected = await Redirector.ConnectAsync(local, UncName.Parse(remote), credentials ?? Credentials);
        Assert.That(connected.Status, Is.EqualTo(NtStatus.Success), $"connect {local} {remote}");
        return connected.Value!;
    }

    public ValueTask DisposeAsync() => Redirector.DisposeAsync();
}
