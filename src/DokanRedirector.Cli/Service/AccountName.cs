using DokanRedirector.Rdbss;

namespace DokanRedirector.Cli.Service;

/// <summary><c>DOMAIN\name</c> or <c>name</c>, as <c>net use /user:</c> takes it.</summary>
internal static class AccountName
{
    public static UserCredentials WithPassword(string account, string? password)
    {
        var separator = account.IndexOf('\\', StringComparison.Ordinal);
        return separator < 0
            ? new UserCredentials(account, null, password)
            : new UserCredentials(account[(separator + 1)..], account[..separator], password);
    }
}
