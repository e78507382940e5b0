namespace DokanRedirector.Dokan.Tests.Conformance;

/// <summary>One Samba for the conformance suite; a fresh drive (Redirector + connection + file system) per test.</summary>
public abstract class SambaFixture
{
    private static int _unique;
    private SambaServer _samba = null!;

    internal SambaDrive Drive { get; private set; } = null!;

    internal IoManager Io => Drive.Io;

    [OneTimeSetUp]
    public async Task StartSamba() => _samba = await TestSamba.StartAsync();

    [OneTimeTearDown]
    public async Task StopSamba() => await _samba.DisposeAsync();

    [SetUp]
    public async Task MapDrive() => Drive = await SambaDrive.MapAsync(_samba);

    [TearDown]
    public async Task UnmapDrive() => await Drive.DisposeAsync();

    /// <summary>A drive path ("\name-N") no other test uses.</summary>
    protected static string Unique(string prefix) => $@"\{prefix}-{Interlocked.Increment(ref _unique)}-{Guid.NewGuid():N}";

    protected string OnDisk(string fileName) => Drive.OnDisk(fileName);
}
