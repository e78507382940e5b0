using DokanRedirector.Rdbss;
using DokanRedirector.Rdbss.Naming;
using DokanRedirector.SmbMiniRdr;

namespace DokanRedirector.Cli.Service;

/// <summary>One <c>use</c>: the share, who connects, how the server is reached, and where it appears.</summary>
/// <param name="LocalName">The mount point, an absolute path (the connection's local name).</param>
internal sealed record ShareMapping(string LocalName, UncName RemoteName, UserCredentials Credentials, SmbServerSettings Server,
    bool ReadOnly);
