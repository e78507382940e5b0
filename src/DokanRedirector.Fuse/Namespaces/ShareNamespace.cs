using DokanRedirector.Rdbss;

namespace DokanRedirector.Fuse.Namespaces;

/// <summary>A share mount: every path is below the connection's <c>\\server\share[\sub]</c>.</summary>
internal sealed class ShareNamespace(Connection connection) : MountNamespace
{
    public override NetPath? Resolve(string path) => connection.Resolve(path);

    // The mount root is the connection's \\server\share[\sub]: everything below is one watch's.
    public override string? ShareRootOf(string path) => "";

    public override bool IsOneShare => true;
}
