using System.Collections.Concurrent;
using DokanRedirector.Rdbss;
using DokanRedirector.Rdbss.Naming;

namespace DokanRedirector.Cli.Service;

/// <summary>
/// The credentials for UNC access without a <c>use</c> (the network root): per server, from the credentials
/// file or from the last successful <c>use</c> of that server, as Windows reuses a mapping's logon.
/// </summary>
internal sealed class CredentialStore
{
    private readonly ConcurrentDictionary<string, UserCredentials> _byServer = new(StringComparer.OrdinalIgnoreCase);

    public void Remember(string server, UserCredentials credentials) => _byServer[server] = credentials;

    /// <summary>For <see cref="RedirectorOptions.ImplicitCredentials"/>.</summary>
    public UserCredentials? Find(UncName name) => _byServer.GetValueOrDefault(name.Server);
}
