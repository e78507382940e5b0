namespace DokanRedirector.Rdbss.Structures;

/// <summary>FCB: one file or directory of a NetRoot, shared by every open of it. References its NetRoot.</summary>
public sealed class Fcb : RxNode
{
    internal Fcb(NetRoot netRoot, string path)
    {
        NetRoot = netRoot;
        Path = path;
    }

    public NetRoot NetRoot { get; }

    /// <summary>Share-relative path, canonical ("a\b"; "" is the share root).</summary>
    public string Path { get; }

    public override string ToString() => $"Fcb {NetRoot.PrefixKey}\\{Path} [refs {ReferenceCount}]";
}
