namespace DokanRedirector.Dokan.FileSystem;

/// <summary>
/// FsRtlIsNameInExpression / DokanIsNameInExpression, case-insensitive: whether a file name matches a
/// FindFiles search pattern. Besides <c>*</c> (any run) and <c>?</c> (one character) the I/O manager sends the
/// DOS wildcards it rewrites Win32 patterns into (ntifs.h, FsRtlIsNameInExpression):
/// <c>&lt;</c> DOS_STAR, <c>&gt;</c> DOS_QM and <c>"</c> DOS_DOT.
/// </summary>
internal static class NameExpression
{
    private const char DosStar = '<';
    private const char DosQm = '>';
    private const char DosDot = '"';

    /// <summary>True when <paramref name="name"/> matches <paramref name="expression"/>.</summary>
    public static bool IsMatch(string expression, string name)
    {
        if (expression.Length == 0)
        {
            return name.Length == 0;
        }
        // memo[e, n]: 0 unknown, 1 match, 2 no match, for expression[e..] against name[n..].
        var memo = new byte[expression.Length + 1, name.Length + 1];
        return Match(expression, name, 0, 0, memo);
    }

    private static bool Match(string expression, string name, int e, int n, byte[,] memo)
    {
        if (memo[e, n] != 0)
        {
            return memo[e, n] == 1;
        }
        var result = MatchUncached(expression, name, e, n, memo);
        memo[e, n] = result ? (byte)1 : (byte)2;
        return result;
    }

    private static bool MatchUncached(string expression, string name, int e, int n, byte[,] memo)
    {
        if (e == expression.Length)
        {
            return n == name.Length;
        }
        var atEnd = n == name.Length;
        switch (expression[e])
        {
            case '*':
                return Match(expression, name, e + 1, n, memo) || (!atEnd && Match(expression, name, e, n + 1, memo));
            case '?':
                return !atEnd && Match(expression, name, e + 1, n + 1, memo);
            case DosStar:
                // Any run that does not take the name's last period: "<.txt" matches "a.b.txt" but "<" stops before ".txt".
                return Match(expression, name, e + 1, n, memo)
                    || (!atEnd && (name[n] != '.' || name.IndexOf('.', n + 1) >= 0) && Match(expression, name, e, n + 1, memo));
            case DosQm:
                // One character, but none at a period or the end: a run of DOS_QMs shrinks to the name part left.
                return atEnd || name[n] == '.'
                    ? Match(expression, name, e + 1, n, memo)
                    : Match(expression, name, e + 1, n + 1, memo);
            case DosDot:
                // A period, or nothing at the end of the name.
                return atEnd ? Match(expression, name, e + 1, n, memo)
                    : name[n] == '.' && Match(expression, name, e + 1, n + 1, memo);
            default:
                return !atEnd && char.ToUpperInvariant(expression[e]) == char.ToUpperInvariant(name[n])
                    && Match(expression, name, e + 1, n + 1, memo);
        }
    }
}
