using DokanRedirector.Cli.Commands;
using DokanRedirector.Cli.Tests.Support;

namespace DokanRedirector.Cli.Tests.Commands;

public sealed class PasswordSourceTests
{
    [Test]
    public void The_prompt_reads_keys_without_echo_and_honours_backspace()
    {
        var terminal = new TestTerminal(isInputRedirected: false);
        terminal.Type("pax\bss word\n");
        var password = new PasswordSource(terminal).Read(fromStandardInput: false, @"DOM\alice@server", out _);
        Assert.Multiple(() =>
        {
            Assert.That(password, Is.EqualTo("pass word"));
            Assert.That(terminal.Errors, Does.Contain(@"Password for DOM\alice@server: "));
            Assert.That(terminal.Errors + terminal.Output, Does.Not.Contain("pass"), "nothing typed is echoed");
        });
    }

    [Test]
    public void Password_stdin_takes_the_first_line_without_its_line_ending()
    {
        var terminal = new TestTerminal("first line \r\nsecond\n");
        var password = new PasswordSource(terminal).Read(fromStandardInput: true, "alice@server", out _);
        Assert.That(password, Is.EqualTo("first line "));
    }

    [Test]
    public void Password_stdin_is_used_even_when_a_person_could_be_prompted()
    {
        var terminal = new TestTerminal("piped\n", isInputRedirected: false);
        var password = new PasswordSource(terminal).Read(fromStandardInput: true, "alice@server", out _);
        Assert.Multiple(() =>
        {
            Assert.That(password, Is.EqualTo("piped"));
            Assert.That(terminal.Errors, Is.Empty, "no prompt");
        });
    }
}
