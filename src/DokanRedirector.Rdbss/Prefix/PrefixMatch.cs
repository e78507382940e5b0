using DokanRedirector.Rdbss.Structures;

namespace DokanRedirector.Rdbss.Prefix;

/// <summary>The longest registered prefix of a name, and what is left of the name after it.</summary>
/// <param name="Node">The matched SrvCall, NetRoot or VNetRoot; null when nothing matched.</param>
/// <param name="MatchedLength">Characters of the name the key covers.</param>
public readonly record struct PrefixMatch(NetNode? Node, int MatchedLength)
{
    /// <summary>The rest of the name after the match, without its leading separator.</summary>
    public ReadOnlySpan<char> Remaining(ReadOnlySpan<char> name) =>
        MatchedLength >= name.Length ? [] : name[(MatchedLength + 1)..];
}
