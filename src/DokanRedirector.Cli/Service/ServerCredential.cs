using DokanRedirector.Rdbss;
using DokanRedirector.SmbMiniRdr;

namespace DokanRedirector.Cli.Service;

/// <summary>How to reach a server and whom to log on as there: one line of a credentials file.</summary>
internal sealed record ServerCredential(string Server, SmbServerSettings Settings, UserCredentials Credentials);
