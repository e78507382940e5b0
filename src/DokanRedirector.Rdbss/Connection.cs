using DokanRedirector.Rdbss.Naming;
using DokanRedirector.Rdbss.Structures;

namespace DokanRedirector.Rdbss;

/// <summary>A device connection, as <c>WNetAddConnection2</c> makes: a local name mapped to a UNC name.</summary>
public sealed class Connection
{
    private readonly UncName _shareRoot;

    internal Connection(string localName, UncName remoteName, UserCredentials? credentials)
    {
        LocalName = localName;
        RemoteName = remoteName;
        Credentials = credentials;
        _shareRoot = remoteName.Take(2);
    }

    /// <summary>The drive letter or mount point.</summary>
    public string LocalName { get; }

    /// <summary><c>\\server\share[\sub]</c>.</summary>
    public UncName RemoteName { get; }

    public UserCredentials? Credentials { get; }

    /// <summary>The view this connection holds a reference on; replaced when it reconnects after another
    /// device's forced disconnect finalized it. Guarded by the exclusive prefix-table lock.</summary>
    internal VNetRoot? VNetRoot { get; set; }

    /// <summary>The name of <paramref name="relativePath"/> below this connection's root. ".." stops at
    /// the root, as it does at a drive's root. Throws <see cref="InvalidUncNameException"/>.</summary>
    public NetPath Resolve(string relativePath)
    {
        // Clamp against the share root first (no "..", no "." left), then place it below the sub-path.
        var clamped = _shareRoot.Combine(relativePath).RelativePath;
        return new NetPath(LocalName, clamped.Length == 0 ? RemoteName : RemoteName.Combine(clamped));
    }

    public override string ToString() => $"{LocalName} -> {RemoteName}";
}
