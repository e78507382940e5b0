namespace DokanRedirector.SmbMiniRdr;

/// <summary>
/// How to reach one server: the UNC name carries only the server's name, so a port other than 445
/// (a test server, an SSH tunnel) and the wish to encrypt are registered here, per server.
/// </summary>
public sealed record SmbServerSettings(int Port = 445, bool Seal = false);
