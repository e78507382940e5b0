using DokanRedirector.Smb.Auth;

namespace DokanRedirector.Smb.Tests.Fixtures;

/// <summary>
/// A <see cref="DialectFixture"/> that gives every test a fresh connection, a session of the test user and a tree
/// on <c>share</c>, and fails the test if the connection broke during it.
/// </summary>
public abstract class TreeFixture(string protocol, string share) : DialectFixture(protocol)
{
    protected static readonly SmbCredential User = new(SambaServer.User, "", SambaServer.Password);
    protected static readonly CancellationToken None = CancellationToken.None;

    protected SmbConnection Connection { get; private set; } = null!;

    protected SmbTree Tree { get; private set; } = null!;

    protected string ShareName => share;

    [SetUp]
    public async Task Connect()
    {
        Connection = await SmbConnection.ConnectAsync(SambaServer.Host, Samba.Port, null, None);
        var session = await Connection.SetupSessionAsync(User, None);
        Tree = await session.TreeConnectAsync(share, None);
    }

    [TearDown]
    public async Task Disconnect()
    {
        Assert.That(Connection.IsBroken, Is.False, () => Connection.BreakReason!.Message);
        await Connection.DisposeAsync();
    }

    /// <summary>The file behind <paramref name="name"/> in the share's local directory.</summary>
    protected string Local(string name) => Path.Combine(Samba.SharePath(share), name);

    protected static string Unique(string name) =>
        $"{Path.GetFileNameWithoutExtension(name)}-{Guid.NewGuid():N}{Path.GetExtension(name)}";

    protected static byte[] RandomBytes(int length, int seed)
    {
        var data = new byte[length];
        new Random(seed).NextBytes(data);
        return data;
    }
}
