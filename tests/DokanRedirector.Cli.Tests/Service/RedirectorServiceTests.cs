using DokanRedirector.Cli.Service;
using DokanRedirector.Cli.Tests.Support;
using DokanRedirector.Rdbss;
using DokanRedirector.Rdbss.Mrx;
using DokanRedirector.Rdbss.Naming;
using DokanRedirector.SmbMiniRdr;
using Microsoft.Extensions.Logging.Abstractions;

namespace DokanRedirector.Cli.Tests.Service;

/// <summary>The service's connection-and-mount bookkeeping, over the stub mini-redirector and a recording front end.</summary>
public sealed class RedirectorServiceTests
{
    private static readonly UncName Share = UncName.Parse(@"\\127.0.0.1\share");
    private static readonly UserCredentials Root = new("root", null, StubMiniRedirector.Password);

    private TempDirectory _dir = null!;
    private StubMiniRedirector _mrx = null!;
    private RecordingFrontEnd _frontEnd = null!;
    private SmbMiniRedirector _servers = null!;
    private CredentialStore _credentials = null!;
    private Redirector _redirector = null!;
    private RedirectorService _service = null!;

    [SetUp]
    public void SetUp()
    {
        _dir = new TempDirectory();
        _mrx = new StubMiniRedirector();
        _frontEnd = new RecordingFrontEnd();
        _servers = new SmbMiniRedirector();
        _credentials = new CredentialStore();
        _redirector = new Redirector(_mrx, new RedirectorOptions { ImplicitCredentials = _credentials.Find });
        _service = new RedirectorService(_redirector, _servers, _frontEnd, _credentials, NullLogger<RedirectorService>.Instance);
    }

    [TearDown]
    public async Task TearDown()
    {
        await _service.DisposeAsync();
        await _redirector.DisposeAsync();
        _dir.Dispose();
    }

    private ShareMapping Mapping(string mountPoint, UserCredentials? credentials = null, bool readOnly = false) =>
        new(mountPoint, Share, credentials ?? Root, new SmbServerSettings(4455, Seal: true), readOnly);

    private async Task<string> UseAsync(string name = "x")
    {
        var mountPoint = _dir.Subdirectory(name);
        var used = await _service.UseAsync(Mapping(mountPoint), CancellationToken.None);
        Assert.That(used.Status, Is.EqualTo(NtStatus.Success), used.Message);
        return mountPoint;
    }

    private async Task OpenAsync(string mountPoint, string path, int processId)
    {
        var connection = _redirector.FindConnection(mountPoint)!;
        var opened = await _redirector.CreateAsync(connection.Resolve(path),
            new CreateParameters(NtAccessMask.GenericRead, NtCreateDisposition.Open), processId);
        Assert.That(opened.Status, Is.EqualTo(NtStatus.Success));
    }

    [Test]
    public async Task Use_registers_the_servers_port_and_seal_connects_and_mounts()
    {
        var mountPoint = _dir.Subdirectory("x");
        var used = await _service.UseAsync(Mapping(mountPoint, readOnly: true), CancellationToken.None);
        Assert.Multiple(() =>
        {
            Assert.That(used.Status, Is.EqualTo(NtStatus.Success));
            Assert.That(_servers.GetServer("127.0.0.1"), Is.EqualTo(new SmbServerSettings(4455, Seal: true)));
            Assert.That(_frontEnd.Calls, Is.EqualTo(new[] { $@"share \\127.0.0.1\share at {mountPoint} as //127.0.0.1/share read-only" }));
            Assert.That(_service.ListConnections().Single().LocalName, Is.EqualTo(mountPoint));
        });
    }

    [Test]
    public async Task A_successful_use_lends_its_logon_to_unc_access_of_the_same_server()
    {
        await UseAsync();
        Assert.That(_credentials.Find(UncName.Parse(@"\\127.0.0.1\other\file")), Is.EqualTo(Root));
    }

    [Test]
    public async Task A_mount_point_that_does_not_exist_is_refused_before_connecting()
    {
        var missing = _dir.File("missing");
        var used = await _service.UseAsync(Mapping(missing), CancellationToken.None);
        Assert.Multiple(() =>
        {
            Assert.That(used.Status, Is.EqualTo(NtStatus.ObjectPathNotFound));
            Assert.That(used.Message, Does.Contain($"mkdir -p {missing}"));
            Assert.That(_service.ListConnections(), Is.Empty);
        });
    }

    [Test]
    public async Task A_wrong_password_fails_with_logon_failure_mounts_nothing_and_is_not_remembered()
    {
        var used = await _service.UseAsync(Mapping(_dir.Subdirectory("x"), new UserCredentials("root", null, "wrong")), CancellationToken.None);
        Assert.Multiple(() =>
        {
            Assert.That(used.Status, Is.EqualTo(NtStatus.LogonFailure));
            Assert.That(used.Message, Is.EqualTo(@"Cannot connect to \\127.0.0.1\share: the user name or password is incorrect"));
            Assert.That(_frontEnd.Calls, Is.Empty);
            Assert.That(_credentials.Find(Share), Is.Null);
        });
    }

    [Test]
    public async Task An_unknown_share_fails_with_bad_network_name()
    {
        _mrx.MissingShares.Add("share");
        var used = await _service.UseAsync(Mapping(_dir.Subdirectory("x")), CancellationToken.None);
        Assert.That(used.Message, Does.EndWith("the share was not found on the server"));
    }

    [Test]
    public async Task A_second_use_of_a_busy_mount_point_is_refused()
    {
        var mountPoint = await UseAsync();
        var again = await _service.UseAsync(Mapping(mountPoint), CancellationToken.None);
        Assert.Multiple(() =>
        {
            Assert.That(again.Status, Is.EqualTo(NtStatus.DeviceAlreadyAttached));
            Assert.That(again.Message, Does.Contain("already in use"));
        });
    }

    [Test]
    public async Task A_mount_that_fails_drops_its_connection()
    {
        _frontEnd.Refusal = "fusermount3: permission denied";
        var used = await _service.UseAsync(Mapping(_dir.Subdirectory("x")), CancellationToken.None);
        Assert.Multiple(() =>
        {
            Assert.That(used.Status, Is.EqualTo(NtStatus.Unsuccessful));
            Assert.That(used.Message, Does.Contain("fusermount3: permission denied"));
            Assert.That(_service.ListConnections(), Is.Empty);
        });
    }

    [Test]
    public async Task Delete_with_open_files_is_refused_and_names_them_by_local_path_and_process()
    {
        var mountPoint = await UseAsync();
        await OpenAsync(mountPoint, @"dir\report.txt", 1234);
        var deleted = await _service.DeleteAsync(mountPoint, force: false);
        Assert.Multiple(() =>
        {
            Assert.That(deleted.Status, Is.EqualTo(NtStatus.FilesOpen));
            Assert.That(deleted.Files.Select(f => (f.Name, f.ProcessId)), Is.EqualTo(new[] { ($"{mountPoint}/dir/report.txt", 1234) }));
            Assert.That(_frontEnd.Calls, Has.None.StartsWith("unmount"));
            Assert.That(_service.ListConnections(), Has.Count.EqualTo(1));
        });
    }

    [Test]
    public async Task Delete_with_force_unmounts_by_force_and_reports_the_files_it_closed()
    {
        var mountPoint = await UseAsync();
        await OpenAsync(mountPoint, "a.txt", 99);
        var deleted = await _service.DeleteAsync(mountPoint, force: true);
        Assert.Multiple(() =>
        {
            Assert.That(deleted.Status, Is.EqualTo(NtStatus.Success));
            Assert.That(deleted.Files.Single().Name, Is.EqualTo($"{mountPoint}/a.txt"));
            Assert.That(_frontEnd.Calls.Skip(1), Is.EqualTo(new[] { $"unmount {mountPoint} force" }));
            Assert.That(_service.ListConnections(), Is.Empty);
        });
    }

    [Test]
    public async Task A_mount_still_busy_after_a_normal_disconnect_is_unmounted_by_force()
    {
        var mountPoint = await UseAsync();
        _frontEnd.Mounts[mountPoint].Busy = true; // a shell's current directory: no handle the core knows of
        var deleted = await _service.DeleteAsync(mountPoint, force: false);
        Assert.Multiple(() =>
        {
            Assert.That(deleted.Status, Is.EqualTo(NtStatus.Success));
            Assert.That(_frontEnd.Calls.Skip(1), Is.EqualTo(new[] { $"unmount {mountPoint}", $"unmount {mountPoint} force" }));
        });
    }

    [Test]
    public async Task Delete_by_share_name_unmounts_every_mount_of_that_share()
    {
        var x = await UseAsync("x");
        var y = await UseAsync("y");
        var deleted = await _service.DeleteAsync("//127.0.0.1/share", force: false);
        Assert.Multiple(() =>
        {
            Assert.That(deleted.Status, Is.EqualTo(NtStatus.Success));
            Assert.That(_frontEnd.Calls.Where(c => c.StartsWith("unmount", StringComparison.Ordinal)),
                Is.EquivalentTo(new[] { $"unmount {x}", $"unmount {y}" }));
        });
    }

    [Test]
    public async Task Delete_of_an_unknown_name_says_the_connection_was_not_found()
    {
        var deleted = await _service.DeleteAsync("/nowhere", force: false);
        Assert.That(deleted.Message, Is.EqualTo("/nowhere: the network connection could not be found"));
    }

    [Test]
    public async Task A_mount_unmounted_from_outside_takes_its_connection_with_it()
    {
        var mountPoint = await UseAsync();
        _frontEnd.Mounts[mountPoint].EndFromOutside();
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (_service.ListConnections().Count > 0 && waited.Elapsed < TimeSpan.FromSeconds(5))
        {
            await Task.Delay(10);
        }
        Assert.That(_service.ListConnections(), Is.Empty);
    }

    [Test]
    public async Task Disposing_the_service_force_unmounts_everything_including_the_network_root()
    {
        var x = await UseAsync();
        await _service.MountNetworkRootAsync(_dir.Subdirectory("net"), CancellationToken.None);
        await _service.DisposeAsync();
        Assert.Multiple(() =>
        {
            Assert.That(_frontEnd.Calls, Does.Contain($"unmount {x} force").And.Contain($"unmount {_dir.File("net")} force"));
            Assert.That(_service.ListConnections(), Is.Empty);
        });
    }
}
