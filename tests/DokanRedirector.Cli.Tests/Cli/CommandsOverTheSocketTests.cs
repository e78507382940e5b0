using DokanRedirector.Cli.Commands;
using DokanRedirector.Cli.Tests.Support;
using DokanRedirector.Rdbss.Mrx;

namespace DokanRedirector.Cli.Tests.Cli;

/// <summary>
/// The commands as a user types them, against <c>serve</c> running in this process (stub mini-redirector,
/// recording front end): what they print and what they exit with.
/// </summary>
public sealed class CommandsOverTheSocketTests
{
    private InProcessService _service = null!;

    [SetUp]
    public async Task SetUp() => _service = await InProcessService.StartAsync();

    [TearDown]
    public async Task TearDown() => await _service.DisposeAsync();

    private async Task<string> UseAsync(string name)
    {
        var mountPoint = _service.NewMountPoint(name);
        var (exit, terminal) = await _service.RunWithInputAsync(StubMiniRedirector.Password + "\n",
            "use", mountPoint, "//127.0.0.1/share", "--user", "root", "--password-stdin", "--port", "4455");
        Assert.That(exit, Is.EqualTo(ExitCodes.Success), terminal.Errors);
        Assert.That(terminal.Output, Does.Contain($@"\\127.0.0.1\share is mounted at {mountPoint}."));
        return mountPoint;
    }

    [Test]
    public async Task Use_maps_the_share_and_the_listing_shows_it_as_OK()
    {
        var mountPoint = await UseAsync("x");
        var (exit, terminal) = await _service.RunAsync("use");
        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(ExitCodes.Success));
            Assert.That(terminal.Output, Does.Match($@"OK\s+{mountPoint}\s+\\\\127\.0\.0\.1\\share\s+root\s+0"));
        });
    }

    [Test]
    public async Task An_empty_listing_says_so_like_net_use()
    {
        var (exit, terminal) = await _service.RunAsync("use");
        Assert.That((exit, terminal.Output.Trim()), Is.EqualTo((ExitCodes.Success, "There are no entries in the list.")));
    }

    [Test]
    public async Task A_wrong_password_exits_2_with_the_status_name_and_its_meaning()
    {
        var (exit, terminal) = await _service.RunWithInputAsync("wrong\n",
            "use", _service.NewMountPoint("x"), "//127.0.0.1/share", "--password-stdin");
        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(ExitCodes.Failed));
            Assert.That(terminal.Errors, Does.Contain(
                @"System error: STATUS_LOGON_FAILURE — Cannot connect to \\127.0.0.1\share: the user name or password is incorrect"));
            Assert.That(terminal.Errors, Does.Not.Contain("wrong"));
        });
    }

    [Test]
    public async Task A_relative_mount_point_is_mapped_by_its_absolute_path()
    {
        var mountPoint = _service.NewMountPoint("rel");
        var relative = Path.GetRelativePath(Environment.CurrentDirectory, mountPoint);
        var (exit, terminal) = await _service.RunWithInputAsync(StubMiniRedirector.Password + "\n",
            "use", relative + "/", "//127.0.0.1/share", "--password-stdin");
        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(ExitCodes.Success), terminal.Errors);
            Assert.That(_service.FrontEnd.Mounts.Keys, Is.EqualTo(new[] { mountPoint }));
        });
    }

    [Test]
    public async Task Delete_with_an_open_file_is_refused_naming_the_file_and_its_process_then_force_succeeds()
    {
        var mountPoint = await UseAsync("x");
        var redirector = _service.FrontEnd.Redirector!;
        await redirector.CreateAsync(redirector.FindConnection(mountPoint)!.Resolve(@"docs\plan.txt"),
            new CreateParameters(NtAccessMask.GenericRead, NtCreateDisposition.Open), processId: 1234);

        var (refusedExit, refused) = await _service.RunAsync("use", mountPoint, "--delete");
        var (forcedExit, forced) = await _service.RunAsync("use", mountPoint, "--delete", "--force");

        Assert.Multiple(() =>
        {
            Assert.That(refusedExit, Is.EqualTo(ExitCodes.Failed));
            Assert.That(refused.Errors, Does.Contain($"  {mountPoint}/docs/plan.txt (process 1234)"));
            Assert.That(refused.Errors, Does.Contain("System error: STATUS_FILES_OPEN — There are open files on"));
            Assert.That(forcedExit, Is.EqualTo(ExitCodes.Success), forced.Errors);
            Assert.That(forced.Output, Does.Contain($"  {mountPoint}/docs/plan.txt (process 1234)"));
            Assert.That(_service.FrontEnd.Calls.Last(), Is.EqualTo($"unmount {mountPoint} force"));
        });
    }

    [Test]
    public async Task Delete_by_share_name_disconnects_it()
    {
        var mountPoint = await UseAsync("x");
        var (exit, terminal) = await _service.RunAsync("use", @"\\127.0.0.1\share", "--delete");
        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(ExitCodes.Success), terminal.Errors);
            Assert.That(_service.FrontEnd.Calls.Last(), Is.EqualTo($"unmount {mountPoint}"));
        });
    }

    [Test]
    public async Task Delete_of_a_name_nobody_mapped_exits_2_with_not_found()
    {
        var (exit, terminal) = await _service.RunAsync("use", "/nowhere", "--delete");
        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(ExitCodes.Failed));
            Assert.That(terminal.Errors, Does.Contain("STATUS_NOT_FOUND — /nowhere: the network connection could not be found"));
        });
    }

    [Test]
    public async Task Status_draws_srvcall_netroot_vnetroot_and_open_files_with_conditions_and_counts()
    {
        var mountPoint = await UseAsync("x");
        var redirector = _service.FrontEnd.Redirector!;
        await redirector.CreateAsync(redirector.FindConnection(mountPoint)!.Resolve("a.txt"),
            new CreateParameters(NtAccessMask.GenericRead, NtCreateDisposition.Open), processId: 77);
        var (exit, terminal) = await _service.RunAsync("status");
        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(ExitCodes.Success));
            Assert.That(terminal.Output, Does.Match(@"SrvCall \\127\.0\.0\.1 Good refs \d+"));
            Assert.That(terminal.Output, Does.Match(@"NetRoot \\127\.0\.0\.1\\share Good refs \d+, FCBs 1"));
            Assert.That(terminal.Output, Does.Match($@"VNetRoot .*share Good refs \d+, {mountPoint}, user root"));
            Assert.That(terminal.Output, Does.Contain(@"a.txt (process 77)"));
        });
    }

    [Test]
    public async Task Stop_unmounts_everything_and_ends_serve_cleanly()
    {
        var mountPoint = await UseAsync("x");
        var (exit, terminal) = await _service.RunAsync("stop");
        Assert.Multiple(async () =>
        {
            Assert.That(exit, Is.EqualTo(ExitCodes.Success), terminal.Errors);
            Assert.That(terminal.Output, Does.Contain("The service stopped."));
            Assert.That(await _service.Served, Is.EqualTo(ExitCodes.Success));
            Assert.That(_service.FrontEnd.Calls, Does.Contain($"unmount {mountPoint} force"));
        });
    }
}
