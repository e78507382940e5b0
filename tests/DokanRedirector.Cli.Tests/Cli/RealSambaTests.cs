using System.Net;
using System.Net.Sockets;
using DokanRedirector.Cli.Commands;
using DokanRedirector.Cli.Tests.Support;
using DokanRedirector.LocalSamba;

namespace DokanRedirector.Cli.Tests.Cli;

/// <summary>
/// <c>use</c> through the service with the real SMB mini-redirector against a real Samba (the front end only
/// records): the statuses a user meets, and the port registered before the connect.
/// </summary>
[NonParallelizable]
public sealed class RealSambaTests
{
    private SambaServer _samba = null!;
    private InProcessService _service = null!;

    [OneTimeSetUp]
    public async Task StartSambaAsync() => _samba = await TestSamba.StartAsync();

    [OneTimeTearDown]
    public async Task StopSambaAsync() => await _samba.DisposeAsync();

    [SetUp]
    public async Task SetUp() => _service = await InProcessService.StartAsync(RealParts.Smb);

    [TearDown]
    public async Task TearDown() => await _service.DisposeAsync();

    private Task<(int ExitCode, TestTerminal Terminal)> UseAsync(string share, string password, int? port = null) =>
        _service.RunWithInputAsync(password + "\n", "use", _service.NewMountPoint("x"), $"//{SambaServer.Host}/{share}",
            "--user", SambaServer.User, "--password-stdin", "--port", (port ?? _samba.Port).ToString(System.Globalization.CultureInfo.InvariantCulture));

    [Test]
    public async Task The_right_password_maps_the_share_on_the_servers_port()
    {
        var (exit, terminal) = await UseAsync("share", SambaServer.Password);
        var (_, status) = await _service.RunAsync("status");
        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(ExitCodes.Success), terminal.Errors);
            Assert.That(status.Output, Does.Match($@"SrvCall \\{SambaServer.Host} Good"));
            Assert.That(status.Output, Does.Match($@"VNetRoot .*share Good refs \d+, .*, user {SambaServer.User}"));
        });
    }

    [Test]
    public async Task A_wrong_password_is_a_logon_failure()
    {
        var (exit, terminal) = await UseAsync("share", "not the password");
        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(ExitCodes.Failed));
            Assert.That(terminal.Errors, Does.Contain("System error: STATUS_LOGON_FAILURE — ").And.Contain("the user name or password is incorrect"));
        });
    }

    [Test]
    public async Task An_unknown_share_is_a_bad_network_name()
    {
        var (exit, terminal) = await UseAsync("no-such-share", SambaServer.Password);
        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(ExitCodes.Failed));
            Assert.That(terminal.Errors, Does.Contain("STATUS_BAD_NETWORK_NAME — ").And.Contain("the share was not found on the server"));
        });
    }

    [Test]
    public async Task A_port_nobody_listens_on_is_a_refused_connection()
    {
        var (exit, terminal) = await UseAsync("share", SambaServer.Password, ClosedPort());
        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(ExitCodes.Failed));
            Assert.That(terminal.Errors, Does.Contain("System error: STATUS_CONNECTION_REFUSED — ")
                .And.Contain("the server refused the connection"));
        });
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
