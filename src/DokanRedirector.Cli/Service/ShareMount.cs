using DokanRedirector.Rdbss;
using DokanRedirector.Rdbss.Naming;

namespace DokanRedirector.Cli.Service;

/// <summary>A connection and the mount that serves it: they live and die together.</summary>
internal sealed record ShareMount(Connection Connection, IMount Mount)
{
    /// <summary>
    /// <c>/mnt/x/dir/f</c> for <c>\\server\share\dir\f</c> mounted at <c>/mnt/x</c> (<c>Z:\dir\f</c> at drive <c>Z:</c>);
    /// null when the name is not below it.
    /// </summary>
    public static string? LocalPath(string mountPoint, UncName remote, string uncName)
    {
        var root = remote.ToString();
        if (!uncName.StartsWith(root, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }
        var below = uncName[root.Length..];
        return below.Length == 0 ? mountPoint
            : below[0] != '\\' ? null
            : LocalName.Drive(mountPoint) == mountPoint ? mountPoint + below
            : mountPoint.TrimEnd('/') + below.Replace('\\', '/');
    }
}
