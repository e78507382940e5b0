using DokanRedirector.Cli.Service;
using DokanRedirector.Cli.Tests.Support;
using DokanRedirector.SmbMiniRdr;

namespace DokanRedirector.Cli.Tests.Service;

public sealed class CredentialsFileTests
{
    [Test]
    public void The_password_takes_the_rest_of_the_line_spaces_and_equals_signs_included()
    {
        var entry = CredentialsFile.Parse(@"server=files port=4455 seal=yes user=CORP\alice password= a b=c ", "f:1");
        Assert.Multiple(() =>
        {
            Assert.That(entry.Server, Is.EqualTo("files"));
            Assert.That(entry.Settings, Is.EqualTo(new SmbServerSettings(4455, Seal: true)));
            Assert.That((entry.Credentials.Domain, entry.Credentials.UserName), Is.EqualTo(("CORP", "alice")));
            Assert.That(entry.Credentials.Password, Is.EqualTo(" a b=c "));
        });
    }

    [Test]
    public void Port_and_seal_default_to_445_and_no() =>
        Assert.That(CredentialsFile.Parse("server=s user=u password=p", "f:1").Settings, Is.EqualTo(new SmbServerSettings()));

    [Test]
    public void A_missing_user_names_the_line_and_never_the_password() =>
        Assert.That(() => CredentialsFile.Parse("server=s password=hunter2", "creds:3"),
            Throws.InstanceOf<FormatException>().With.Message.EqualTo("creds:3: 'user=' is missing."));

    [Test]
    public void A_bad_port_is_refused() =>
        Assert.That(() => CredentialsFile.Parse("server=s port=http user=u password=p", "f:1"),
            Throws.InstanceOf<FormatException>().With.Message.Contains("port 'http'"));

    [Test]
    public async Task A_file_others_may_read_is_refused_with_the_chmod_to_run()
    {
        using var dir = new TempDirectory();
        var path = dir.File("creds");
        await File.WriteAllTextAsync(path, "server=s user=u password=p\n");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead);
        Assert.That(() => CredentialsFile.LoadAsync(path, CancellationToken.None),
            Throws.InstanceOf<FormatException>().With.Message.Contains($"chmod 600 {path}"));
    }

    [Test]
    public async Task A_private_file_loads_every_server_and_skips_comments()
    {
        using var dir = new TempDirectory();
        var path = dir.File("creds");
        await File.WriteAllTextAsync(path, "# servers\nserver=a user=u password=p\n\nserver=b user=v password=q\n");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        var entries = await CredentialsFile.LoadAsync(path, CancellationToken.None);
        Assert.That(entries.Select(e => e.Server), Is.EqualTo(new[] { "a", "b" }));
    }
}
