namespace DokanRedirector.Rdbss;

/// <summary>Who a VNetRoot connects as. Opaque to the core; the mini-redirector authenticates with it.</summary>
/// <remarks>ToString never shows the password.</remarks>
public sealed record UserCredentials(string UserName, string? Domain, string? Password)
{
    /// <summary>DOMAIN\user or user, for display and for telling views apart.</summary>
    public string Identity => string.IsNullOrEmpty(Domain) ? UserName : $"{Domain}\\{UserName}";

    public override string ToString() => Identity;
}
