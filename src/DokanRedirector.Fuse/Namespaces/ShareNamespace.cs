using DokanRedirector.Rdbss;

namespace DokanRedirector.Fuse.Namespaces;

/// <summary>A share mount: every path is below the connection's <c>\\server\share[\sub]</c>.</summary>
internal sealed class ShareNamespace(Connection connection) : MountNamespace
{
    public override NetPath? Resolve(string path) => connection.Resolve(path);
}
