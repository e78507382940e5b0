using DokanRedirector.Cli.Commands;
using DokanRedirector.Cli.Tests.Support;

namespace DokanRedirector.Cli.Tests.Commands;

/// <summary>
/// What <c>use</c> refuses before it talks to any service: each case must say what is wrong, exit 1, and
/// start nothing (the socket directory stays empty).
/// </summary>
public sealed class UseArgumentTests
{
    private TempDirectory _dir = null!;

    [SetUp]
    public void SetUp() => _dir = new TempDirectory();

    [TearDown]
    public void TearDown() => _dir.Dispose();

    private async Task<TestTerminal> RunRefusedAsync(string stdin, params string[] args)
    {
        var terminal = new TestTerminal(stdin);
        var exit = await CliApplication.RunAsync([.. args, "--socket", _dir.File("control.sock")], terminal);
        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(ExitCodes.Usage), terminal.Errors);
            Assert.That(Directory.GetFileSystemEntries(_dir.Path), Is.Empty, "no service may have been started");
        });
        return terminal;
    }

    [Test]
    public async Task A_malformed_unc_name_is_refused_with_the_parsers_reason()
    {
        var terminal = await RunRefusedAsync("pw\n", "use", _dir.Path, @"\\server\sh:are", "--password-stdin");
        Assert.That(terminal.Errors, Does.Contain(@"Invalid UNC name '\\server\sh:are'").And.Contain("':'"));
    }

    [Test]
    public async Task A_name_without_two_leading_separators_is_refused()
    {
        var terminal = await RunRefusedAsync("pw\n", "use", _dir.Path, "server/share", "--password-stdin");
        Assert.That(terminal.Errors, Does.Contain(@"must start with two separators"));
    }

    [Test]
    public async Task A_server_without_a_share_is_refused_with_an_example()
    {
        var terminal = await RunRefusedAsync("pw\n", "use", _dir.Path, "//fileserver", "--password-stdin");
        Assert.That(terminal.Errors, Does.Contain(@"names a server only; give a share: \\fileserver\share"));
    }

    [Test]
    public async Task Without_a_terminal_or_password_stdin_there_is_no_password_source()
    {
        var terminal = await RunRefusedAsync("typed-into-a-pipe\n", "use", _dir.Path, "//server/share");
        Assert.That(terminal.Errors, Does.Contain("standard input is not a terminal").And.Contain("--password-stdin"));
    }

    [Test]
    public async Task Password_stdin_with_empty_input_says_the_input_ended()
    {
        var terminal = await RunRefusedAsync("", "use", _dir.Path, "//server/share", "--password-stdin");
        Assert.That(terminal.Errors, Does.Contain("standard input ended before a password line"));
    }

    [Test]
    public async Task A_password_option_is_refused_and_the_password_is_not_repeated()
    {
        var terminal = await RunRefusedAsync("", "use", _dir.Path, "//server/share", "--password", "hunter2");
        Assert.Multiple(() =>
        {
            Assert.That(terminal.Errors, Does.Contain("Passwords are never taken on the command line"));
            Assert.That(terminal.Errors + terminal.Output, Does.Not.Contain("hunter2"));
        });
    }

    [Test]
    public async Task A_password_option_with_an_equals_sign_is_refused_too()
    {
        var terminal = await RunRefusedAsync("", "use", _dir.Path, "//server/share", "--password=hunter2");
        Assert.That(terminal.Errors, Does.Contain("Passwords are never taken on the command line").And.Not.Contain("hunter2"));
    }

    [Test]
    public async Task The_user_percent_password_form_is_refused()
    {
        var terminal = await RunRefusedAsync("", "use", _dir.Path, "//server/share", "--user", @"DOM\alice%hunter2");
        Assert.That(terminal.Errors, Does.Contain("--user takes no password").And.Not.Contain("hunter2"));
    }

    [Test]
    public async Task A_mount_point_alone_asks_which_share()
    {
        var terminal = await RunRefusedAsync("", "use", _dir.Path);
        Assert.That(terminal.Errors, Does.Contain("Which share?"));
    }

    [Test]
    public async Task Force_without_delete_is_refused()
    {
        var terminal = await RunRefusedAsync("", "use", _dir.Path, "--force");
        Assert.That(terminal.Errors, Does.Contain("--force goes with --delete"));
    }

    [Test]
    public async Task Delete_with_two_names_is_refused()
    {
        var terminal = await RunRefusedAsync("", "use", _dir.Path, "//server/share", "--delete");
        Assert.That(terminal.Errors, Does.Contain("--delete takes one name"));
    }

    [Test]
    public async Task A_port_out_of_range_is_refused()
    {
        var terminal = await RunRefusedAsync("pw\n", "use", _dir.Path, "//server/share", "--password-stdin", "--port", "70000");
        Assert.That(terminal.Errors, Does.Contain("--port 70000 is not a port number"));
    }

    [Test]
    public async Task An_unknown_option_is_a_usage_error()
    {
        var terminal = await RunRefusedAsync("", "use", "--no-such-option");
        Assert.That(terminal.Errors, Does.Contain("--no-such-option"));
    }
}
