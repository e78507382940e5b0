namespace DokanRedirector.Smb.Auth;

/// <summary>
/// Who to authenticate as. Anonymous and guest logons exist only through <see cref="Anonymous"/> and
/// <see cref="Guest"/>: an empty user name is never turned into one implicitly. <see cref="ToString"/>
/// never shows the password.
/// </summary>
public sealed class SmbCredential
{
    private SmbCredential(string user, string domain, string password, bool isUpn, bool isGuest, bool isAnonymous)
    {
        User = user;
        Domain = domain;
        Password = password;
        IsUserPrincipalName = isUpn;
        IsGuest = isGuest;
        IsAnonymous = isAnonymous;
    }

    /// <summary>A user in a domain ("" for the server's local accounts).</summary>
    public SmbCredential(string user, string domain, string password)
        : this(RequireUser(user), domain ?? "", password ?? "", isUpn: false, isGuest: false, isAnonymous: false)
    {
    }

    /// <summary>The NULL session (MS-NLMP anonymous: empty user and password, no MIC, no signing).</summary>
    public static SmbCredential Anonymous { get; } = new("", "", "", isUpn: false, isGuest: false, isAnonymous: true);

    /// <summary>The user name (for "user@domain" the part before '@').</summary>
    public string User { get; }

    /// <summary>The domain ("" when none; for "user@domain" the part after '@').</summary>
    public string Domain { get; }

    /// <summary>The password. Internal so that nothing outside the library reads it back.</summary>
    internal string Password { get; }

    /// <summary>True when parsed from "user@domain": NTLM then sends UserName "user@domain" and an empty
    /// DomainName, as Windows does.</summary>
    public bool IsUserPrincipalName { get; }

    /// <summary>True for <see cref="Guest"/>.</summary>
    public bool IsGuest { get; }

    /// <summary>True for <see cref="Anonymous"/>.</summary>
    public bool IsAnonymous { get; }

    /// <summary>A guest logon: <paramref name="user"/> (default "Guest") with an empty password.</summary>
    public static SmbCredential Guest(string user = "Guest", string domain = "") =>
        new(RequireUser(user), domain ?? "", "", isUpn: false, isGuest: true, isAnonymous: false);

    /// <summary>
    /// Parses "DOMAIN\user", "user@domain" or plain "user" (no domain). An empty or malformed account is an
    /// <see cref="ArgumentException"/>: use <see cref="Anonymous"/> or <see cref="Guest"/> explicitly instead.
    /// </summary>
    public static SmbCredential Parse(string account, string password = "")
    {
        ArgumentNullException.ThrowIfNull(account);
        int backslash = account.IndexOf('\\', StringComparison.Ordinal);
        if (backslash >= 0)
        {
            string domain = account[..backslash];
            string user = account[(backslash + 1)..];
            if (domain.Length == 0 || user.Length == 0 || user.Contains('\\', StringComparison.Ordinal))
            {
                throw new ArgumentException($"'{account}' is not DOMAIN\\user.", nameof(account));
            }

            return new SmbCredential(user, domain, password);
        }

        int at = account.LastIndexOf('@');
        if (at >= 0)
        {
            string user = account[..at];
            string domain = account[(at + 1)..];
            if (user.Length == 0 || domain.Length == 0)
            {
                throw new ArgumentException($"'{account}' is not user@domain.", nameof(account));
            }

            return new SmbCredential(user, domain, password ?? "", isUpn: true, isGuest: false, isAnonymous: false);
        }

        return new SmbCredential(account, "", password);
    }

    /// <summary>The user name NTLM sends in the AUTHENTICATE message.</summary>
    internal string NtlmUser => IsUserPrincipalName ? $"{User}@{Domain}" : User;

    /// <summary>The domain name NTLM sends in the AUTHENTICATE message.</summary>
    internal string NtlmDomain => IsUserPrincipalName ? "" : Domain;

    /// <summary>"DOMAIN\user", "user@domain", "user", "(anonymous)"; with " (guest)" for guests. No password.</summary>
    public override string ToString()
    {
        if (IsAnonymous)
        {
            return "(anonymous)";
        }

        string name = IsUserPrincipalName ? $"{User}@{Domain}" : Domain.Length > 0 ? $"{Domain}\\{User}" : User;
        return IsGuest ? name + " (guest)" : name;
    }

    private static string RequireUser(string user)
    {
        if (string.IsNullOrEmpty(user))
        {
            throw new ArgumentException("The user name is empty; use SmbCredential.Anonymous for a NULL session.", nameof(user));
        }

        return user;
    }
}
