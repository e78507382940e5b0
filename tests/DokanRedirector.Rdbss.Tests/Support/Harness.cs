using DokanRedirector.Rdbss.Mrx;
using DokanRedirector.Rdbss.Naming;

namespace DokanRedirector.Rdbss.Tests.Support;

/// <summary>A Redirector over the scripted mini-redirector with manual time, plus shorthands.</summary>
internal sealed class Harness : IAsyncDisposable
{
    public Harness(TimeSpan? scavengerDelay = null, TimeSpan? negativeCache = null)
    {
        Redirector = new Redirector(Mrx, new RedirectorOptions
        {
            TimeProvider = Time,
            ScavengerDelay = scavengerDelay ?? TimeSpan.FromSeconds(60),
            NegativeCacheDuration = negativeCache ?? TimeSpan.FromSeconds(30),
        });
    }

    public ScriptedMiniRedirector Mrx { get; } = new();

    public ManualTimeProvider Time { get; } = new();

    public Redirector Redirector { get; }

    public static NetPath Unc(string name) => NetPath.Unc(UncName.Parse(name));

    public static readonly CreateParameters OpenOrCreate =
        new(NtAccessMask.GenericRead | NtAccessMask.GenericWrite, NtCreateDisposition.OpenIf);

    public async Task<long> OpenAsync(NetPath path)
    {
        var opened = await Redirector.CreateAsync(path, OpenOrCreate);
        Assert.That(opened.Status, Is.EqualTo(NtStatus.Success), $"open {path}");
        return opened.Value.Handle;
    }

    public async Task<Connection> ConnectAsync(string local, string remote, string user = "alice")
    {
        var connected = await Redirector.ConnectAsync(local, UncName.Parse(remote), new UserCredentials(user, "DOM", "pw"));
        Assert.That(connected.Status, Is.EqualTo(NtStatus.Success), $"connect {local} {remote}");
        return connected.Value!;
    }

    public ValueTask DisposeAsync() => Redirector.DisposeAsync();
}
