using System.CommandLine;
using DokanRedirector.Cli.Service;
using DokanRedirector.Rdbss;

namespace DokanRedirector.Cli.Commands;

/// <summary>
/// How to log on to a server: <c>--user</c>, <c>--password-stdin</c> (else a prompt) and <c>--port</c>, for the
/// commands that map a share (<c>use</c>, <c>demo</c>). One instance per command: a symbol belongs to its parents.
/// </summary>
internal sealed class LogonOptions(PasswordSource passwords)
{
    public Option<string?> User { get; } = new("--user") { Description = "DOMAIN\\name or name (default: the current user)" };

    public Option<bool> PasswordStdin { get; } = new("--password-stdin") { Description = "Read the password from the first line of standard input" };

    public Option<int> Port { get; } = new("--port") { Description = "The server's SMB port", DefaultValueFactory = _ => 445 };

    public IEnumerable<Option> All => [User, PasswordStdin, Port];

    /// <summary>The credentials and port for <paramref name="server"/>, reading or prompting for the password;
    /// null with <paramref name="problem"/> (a usage error) when they cannot be had.</summary>
    public UserCredentials? Read(ParseResult parse, string server, out int port, out string problem)
    {
        var account = parse.GetValue(User) ?? Environment.UserName;
        port = parse.GetValue(Port);
        if (account.Contains('%', StringComparison.Ordinal))
        {
            problem = "--user takes no password (the user%password form would show it in ps); "
                + "type it at the prompt or use --password-stdin.";
            return null;
        }
        if (port is < 1 or > 65535)
        {
            problem = $"--port {port} is not a port number (1-65535).";
            return null;
        }
        var password = passwords.Read(parse.GetValue(PasswordStdin), $"{account}@{server}", out problem);
        return password is null ? null : AccountName.WithPassword(account, password);
    }
}
