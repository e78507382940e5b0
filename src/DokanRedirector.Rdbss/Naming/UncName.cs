using System.Collections.ObjectModel;
using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace DokanRedirector.Rdbss.Naming;

/// <summary>
/// An immutable, canonical UNC name: <c>\\server</c>, <c>\\server\share</c> or
/// <c>\\server\share\a\b</c>. Separators are backslashes, "." and ".." are resolved (never above
/// the share), case is kept as given. Two names are equal when Windows would call them the same:
/// ordinal, case-insensitive.
/// </summary>
public sealed class UncName : IEquatable<UncName>
{
    private readonly string[] _components;
    private readonly string _fullName;

    // Built only by UncNameParser, which has checked every component and the total length.
    internal UncName(string server, string? share, string[] components)
    {
        Debug.Assert(share is not null || components.Length == 0, "A path needs a share.");
        Server = server;
        Share = share;
        _components = components;
        PathComponents = components.Length == 0 ? ReadOnlyCollection<string>.Empty : Array.AsReadOnly(components);

        var key = new StringBuilder((int)CanonicalLength(server, share, components) - 1);
        key.Append('\\').Append(server);
        if (share is not null)
        {
            key.Append('\\').Append(share);
        }

        int relativeStart = key.Length + 1;
        foreach (string component in components)
        {
            key.Append('\\').Append(component);
        }

        PrefixKey = key.ToString();
        _fullName = "\\" + PrefixKey;
        RelativePath = components.Length == 0 ? "" : PrefixKey[relativeStart..];
    }

    public string Server { get; }

    /// <summary>Null for a server-only name.</summary>
    public string? Share { get; }

    /// <summary>The components below the share; empty at the share root and for a server-only name.</summary>
    public IReadOnlyList<string> PathComponents { get; }

    /// <summary>1 for a server-only name, 2 for a share root, 2 + <see cref="PathComponents"/> below.</summary>
    public int ComponentCount => Share is null ? 1 : 2 + _components.Length;

    /// <summary>
    /// The RDBSS prefix-table key: one leading backslash, <c>\server\share\a\b</c> (<c>\server</c>
    /// for a server-only name). Case is kept; the table compares case-insensitively.
    /// </summary>
    public string PrefixKey { get; }

    /// <summary><c>a\b</c> for <c>\\server\share\a\b</c>; empty at the share root and for a server-only name.</summary>
    public string RelativePath { get; }

    /// <summary>Parses a UNC name in any accepted form and canonicalizes it.</summary>
    /// <exception cref="InvalidUncNameException">The name is not a valid UNC name; null counts as empty.</exception>
    public static UncName Parse(string name)
    {
        if (!UncNameParser.TryParse(name, out UncName? result, out UncNameFailure failure))
        {
            string lead = name is null ? "Invalid UNC name" : $"Invalid UNC name '{UncNameFailure.ShowInput(name)}'";
            throw failure.ToException(lead, name ?? "", nameof(name));
        }

        return result;
    }

    /// <summary>Like <see cref="Parse"/>, but reports a bad name by returning false; never throws.</summary>
    public static bool TryParse(string? name, [NotNullWhen(true)] out UncName? result) =>
        UncNameParser.TryParse(name, out result, out _);

    /// <summary>The first <paramref name="componentCount"/> components: 1 is the server, 2 the share root.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Not between 1 and <see cref="ComponentCount"/>.</exception>
    public UncName Take(int componentCount)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(componentCount, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(componentCount, ComponentCount);
        if (componentCount == ComponentCount)
        {
            return this;
        }

        return componentCount == 1
            ? new UncName(Server, null, [])
            : new UncName(Server, Share, _components[..(componentCount - 2)]);
    }

    /// <summary>
    /// Resolves <paramref name="relativePath"/> below this name. Separators may be '\' or '/';
    /// leading, repeated and trailing ones are ignored, so "\a" also means a child of this name
    /// (a Dokan file name is "\dir\file" relative to the mount). "." and ".." are applied but
    /// never climb above the share. Components follow the same rules as in <see cref="Parse"/>.
    /// </summary>
    /// <exception cref="InvalidUncNameException">The path is null or breaks a naming rule.</exception>
    /// <exception cref="InvalidOperationException">This is a server-only name: a path needs a share.</exception>
    public UncName Combine(string relativePath)
    {
        if (Share is null)
        {
            throw new InvalidOperationException(
                $"Cannot resolve a path below '{this}': it names a server only, and a path needs a share.");
        }

        if (!UncNameParser.TryCombine(this, relativePath, out UncName? result, out UncNameFailure failure))
        {
            string lead = relativePath is null
                ? $"Invalid path below '{this}'"
                : $"Invalid path '{UncNameFailure.ShowInput(relativePath)}' below '{this}'";
            throw failure.ToException(lead, relativePath ?? "", nameof(relativePath));
        }

        return result;
    }

    /// <summary><c>\\server\share\a\b</c>, with two leading backslashes.</summary>
    public override string ToString() => _fullName;

    public bool Equals(UncName? other) =>
        other is not null && string.Equals(PrefixKey, other.PrefixKey, StringComparison.OrdinalIgnoreCase);

    public override bool Equals(object? obj) => Equals(obj as UncName);

    public override int GetHashCode() => StringComparer.OrdinalIgnoreCase.GetHashCode(PrefixKey);

    public static bool operator ==(UncName? left, UncName? right) =>
        left is null ? right is null : left.Equals(right);

    public static bool operator !=(UncName? left, UncName? right) => !(left == right);

    /// <summary>Length of <c>\\server\share\a\b</c>; long, so a hostile component list cannot overflow it.</summary>
    internal static long CanonicalLength(string server, string? share, IReadOnlyList<string> components)
    {
        long length = 2 + server.Length;
        if (share is not null)
        {
            length += 1 + share.Length;
        }

        foreach (string component in components)
        {
            length += 1 + component.Length;
        }

        return length;
    }
}
