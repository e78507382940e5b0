namespace DokanRedirector.Smb.Tests.Fixtures;

/// <summary>A test fixture with its own Samba that speaks only <c>protocol</c> (e.g. SMB3_11).</summary>
public abstract class DialectFixture(string protocol)
{
    protected SambaServer Samba { get; private set; } = null!;

    [OneTimeSetUp]
    public async Task StartSamba() => Samba = await TestSamba.StartAsync(SambaServerOptions.ForDialect(protocol));

    [OneTimeTearDown]
    public async Task StopSamba()
    {
        if (Samba is not null)
        {
            await Samba.DisposeAsync();
        }
    }
}
