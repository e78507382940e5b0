using DokanRedirector.Cli.Control;

namespace DokanRedirector.Cli.Tests.Control;

/// <summary>The command line the service is started with on Windows, against CommandLineToArgvW's rules.</summary>
public sealed class WindowsCommandLineTests
{
    [TestCase("serve", "serve")]
    [TestCase(@"C:\Program Files\DokanRedirector\dokanredirector.exe", @"""C:\Program Files\DokanRedirector\dokanredirector.exe""")]
    [TestCase("", @"""""")]
    [TestCase(@"a\b", @"a\b")]
    [TestCase(@"say ""hi""", @"""say \""hi\""""")]
    [TestCase(@"a\""b", @"""a\\\""b""")]
    [TestCase(@"C:\dir with space\", @"""C:\dir with space\\""")]
    public void Each_argument_reads_back_as_itself(string argument, string quoted) =>
        Assert.That(WindowsCommandLine.Quote(argument), Is.EqualTo(quoted));

    [Test]
    public void Arguments_are_joined_by_spaces() =>
        Assert.That(WindowsCommandLine.Join([@"C:\Program Files\d.exe", "serve", "--socket", "dokanredirector-S-1-5-21-1-2-3-1001"]),
            Is.EqualTo(@"""C:\Program Files\d.exe"" serve --socket dokanredirector-S-1-5-21-1-2-3-1001"));
}
