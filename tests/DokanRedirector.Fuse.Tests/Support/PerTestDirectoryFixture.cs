namespace DokanRedirector.Fuse.Tests.Support;

/// <summary>
/// Tests on one mount of a real Samba share, each in a directory of its own named after the test: <see cref="Dir"/>
/// through the mount, <see cref="ServerDir"/> on the server's disk (what the server really has).
/// </summary>
[NonParallelizable]
public abstract class PerTestDirectoryFixture
{
    private protected SambaMount Share { get; private set; } = null!;

    /// <summary>The running test's name, which is also its directory's.</summary>
    protected string TestName { get; private set; } = null!;

    protected string Dir { get; private set; } = null!;

    protected string ServerDir { get; private set; } = null!;

    [OneTimeSetUp]
    public async Task MountAsync() => Share = await SambaMount.StartShareAsync();

    [OneTimeTearDown]
    public async Task UnmountAsync() => await Share.DisposeAsync();

    [SetUp]
    public void MakeTestDirectory()
    {
        TestName = TestContext.CurrentContext.Test.MethodName!;
        ServerDir = Share.OnServer(TestName);
        Directory.CreateDirectory(ServerDir);
        Dir = Share.InMount(TestName);
    }
}
