using DokanRedirector.Rdbss.Naming;

namespace DokanRedirector.Rdbss;

public sealed class RedirectorOptions
{
    /// <summary>How long an unused SrvCall or UNC-opened VNetRoot is kept before the scavenger
    /// finalizes it, so a quick reopen reuses the connection.</summary>
    public TimeSpan ScavengerDelay { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>How long a server whose connection failed answers from the negative cache.</summary>
    public TimeSpan NegativeCacheDuration { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Credentials for a share reached by UNC name without a connection (the user's default
    /// logon, in Windows terms). Null means the mini-redirector gets no credentials.</summary>
    public Func<UncName, UserCredentials?>? ImplicitCredentials { get; init; }

    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}
