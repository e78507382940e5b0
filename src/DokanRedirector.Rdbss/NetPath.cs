using DokanRedirector.Rdbss.Naming;

namespace DokanRedirector.Rdbss;

/// <summary>
/// A name to open: a UNC name, reached either through a device connection (a mapped drive or mount
/// point) or directly (UNC access). As in RDBSS, views live in the table under a connection-qualified
/// key, <c>\;device\server\share[\sub]</c> (device empty for UNC access), so a device-relative name
/// finds that connection's own VNetRoot, while a UNC name finds the NetRoot and its default view.
/// </summary>
public readonly record struct NetPath(string? Device, UncName Name)
{
    public static NetPath Unc(UncName name) => new(null, name);

    /// <summary>The share-relative path ("" at the share root).</summary>
    public string SharePath => Name.RelativePath;

    internal string LookupKey => Device is null ? Name.PrefixKey : ViewKey(Device, Name.PrefixKey);

    /// <summary>The table key of a VNetRoot: <c>\;device</c> + its name.</summary>
    internal static string ViewKey(string? device, string prefixKey) => "\\;" + device + prefixKey;

    public override string ToString() => Device is null ? Name.ToString() : $"{Device} ({Name})";
}
