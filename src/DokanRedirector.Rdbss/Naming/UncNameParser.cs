using System.Buffers;
using System.Diagnostics.CodeAnalysis;

namespace DokanRedirector.Rdbss.Naming;

/// <summary>
/// Splits and checks UNC names. Never throws: every refusal comes back as an
/// <see cref="UncNameFailure"/>, so <see cref="UncName.TryParse"/> is exception-free.
/// </summary>
internal static class UncNameParser
{
    /// <summary>MAX_PATH-era component limit that NTFS, SMB servers and share names all keep.</summary>
    public const int MaxComponentLength = 255;

    /// <summary>The longest UNICODE_STRING-backed path Windows accepts (32,767 UTF-16 units).</summary>
    public const int MaxPathLength = 32_767;

    // Win32 naming rules: no file, directory, share or server name holds a control character
    // (U+0000 to U+001F) or one of these.
    private const string Reserved = "<>:\"|?*";

    // Share names additionally exclude these (the NetShareAdd rules).
    private const string ShareOnlyIllegal = "[]+=;,";

    private static readonly string s_controls = string.Create(0x20, 0, static (chars, _) =>
    {
        for (int i = 0; i < chars.Length; i++)
        {
            chars[i] = (char)i;
        }
    });

    private static readonly SearchValues<char> s_illegal = SearchValues.Create(s_controls + Reserved);
    private static readonly SearchValues<char> s_illegalInShare =
        SearchValues.Create(s_controls + Reserved + ShareOnlyIllegal);

    private enum ComponentKind { Server, Share, Path }

    public static bool TryParse(
        string? input, [NotNullWhen(true)] out UncName? result, out UncNameFailure failure)
    {
        result = null;
        if (string.IsNullOrWhiteSpace(input))
        {
            failure = new(UncNameError.Empty,
                input is null ? "no name was given (null)" : "the name is empty or only white space");
            return false;
        }

        if (!TryCheckWhole(input, out failure))
        {
            return false;
        }

        if (input.Length < 2 || !IsSeparator(input[0]) || !IsSeparator(input[1]))
        {
            failure = new(UncNameError.NotUnc,
                @"a UNC name must start with two separators, as in \\server\share");
            return false;
        }

        if (!TrySkipExtendedPrefix(input, out int pos, out failure))
        {
            return false;
        }

        int serverEnd = NextSeparator(input, pos);
        if (serverEnd == pos)
        {
            failure = new(UncNameError.EmptyServer, "the server name is empty", Position: pos);
            return false;
        }

        if (!TryCheckComponent(input, pos, serverEnd, ComponentKind.Server, out failure))
        {
            return false;
        }

        string server = input[pos..serverEnd];
        pos = serverEnd + 1; // past the separator after the server, if any

        // "\\server", "\\server\" and "\\server\\" all name the server alone.
        if (pos >= input.Length || input.AsSpan(pos).IndexOfAnyExcept('\\', '/') < 0)
        {
            return TryCreate(server, share: null, [], out result, out failure);
        }

        if (IsSeparator(input[pos]))
        {
            failure = new(UncNameError.EmptyShare,
                "the share name is empty (two separators in a row after the server)", Position: pos);
            return false;
        }

        int shareEnd = NextSeparator(input, pos);
        if (!TryCheckComponent(input, pos, shareEnd, ComponentKind.Share, out failure))
        {
            return false;
        }

        string share = input[pos..shareEnd];
        var components = new List<string>();
        return TryAppendPath(input, shareEnd, components, out failure)
            && TryCreate(server, share, components, out result, out failure);
    }

    /// <summary>Resolves <paramref name="relativePath"/> below <paramref name="origin"/>, which has a share.</summary>
    public static bool TryCombine(
        UncName origin, string? relativePath, [NotNullWhen(true)] out UncName? result, out UncNameFailure failure)
    {
        result = null;
        if (relativePath is null)
        {
            failure = new(UncNameError.Empty, "no path was given (null)");
            return false;
        }

        var components = new List<string>(origin.PathComponents);
        return TryCheckWhole(relativePath, out failure)
            && TryAppendPath(relativePath, 0, components, out failure)
            && TryCreate(origin.Server, origin.Share, components, out result, out failure);
    }

    // Checks that look at the raw text before it is split.
    private static bool TryCheckWhole(string text, out UncNameFailure failure)
    {
        if (text.Length > MaxPathLength)
        {
            failure = new(UncNameError.PathTooLong,
                $"it is {text.Length} characters long; the limit is {MaxPathLength}");
            return false;
        }

        int nul = text.IndexOf('\0');
        if (nul >= 0)
        {
            failure = new(UncNameError.NulCharacter, $"NUL character (U+0000) at position {nul}", Position: nul);
            return false;
        }

        failure = default;
        return true;
    }

    /// <summary>
    /// Given a name that starts with two separators, finds where the server begins. "\\?\UNC\"
    /// (matched case-insensitively, backslashes only, as Win32 requires of "\\?\") is skipped; any
    /// other "\\?\" name is a local extended path, not a network one.
    /// </summary>
    private static bool TrySkipExtendedPrefix(string input, out int serverStart, out UncNameFailure failure)
    {
        failure = default;
        serverStart = 2;
        bool extended = input.Length > 2 && input[2] == '?' && (input.Length == 3 || IsSeparator(input[3]));
        if (!extended)
        {
            return true;
        }

        bool unc = input.StartsWith(@"\\?\UNC", StringComparison.OrdinalIgnoreCase)
            && (input.Length == 7 || input[7] == '\\');
        if (!unc)
        {
            failure = new(UncNameError.NotUnc,
                @"a name starting with \\?\ is a network name only in the form \\?\UNC\server\share, with backslashes");
            return false;
        }

        // Like any other UNC name from here on: same separators, same canonicalization.
        serverStart = Math.Min(8, input.Length);
        return true;
    }

    /// <summary>
    /// Adds the path components in <paramref name="text"/> from <paramref name="pos"/> on,
    /// applying "." and "..". Repeated, leading and trailing separators are ignored.
    /// </summary>
    private static bool TryAppendPath(string text, int pos, List<string> components, out UncNameFailure failure)
    {
        failure = default;
        while (pos < text.Length)
        {
            if (IsSeparator(text[pos]))
            {
                pos++;
                continue;
            }

            int end = NextSeparator(text, pos);
            // Checked even when a later ".." removes it: the input as written must be valid.
            if (!TryCheckComponent(text, pos, end, ComponentKind.Path, out failure))
            {
                return false;
            }

            ReadOnlySpan<char> component = text.AsSpan(pos, end - pos);
            if (component is "..")
            {
                // Clamped at the share root: there ".." is dropped, as Windows does at a root.
                if (components.Count > 0)
                {
                    components.RemoveAt(components.Count - 1);
                }
            }
            else if (component is not ".")
            {
                components.Add(component.ToString());
            }

            pos = end;
        }

        return true;
    }

    private static bool TryCheckComponent(
        string text, int start, int end, ComponentKind kind, out UncNameFailure failure)
    {
        failure = default;
        int length = end - start;
        if (length > MaxComponentLength)
        {
            string tooLong = text[start..end];
            failure = new(UncNameError.ComponentTooLong,
                $"component '{UncNameFailure.ShowComponent(tooLong)}' at position {start} is {length} " +
                $"characters long; the limit is {MaxComponentLength}",
                tooLong, start);
            return false;
        }

        ReadOnlySpan<char> span = text.AsSpan(start, length);
        int bad = span.IndexOfAny(kind == ComponentKind.Share ? s_illegalInShare : s_illegal);
        if (bad >= 0)
        {
            string component = span.ToString();
            char c = span[bad];
            string hint = ShareOnlyIllegal.Contains(c, StringComparison.Ordinal)
                ? $" (share names may not contain {string.Join(' ', ShareOnlyIllegal.ToCharArray())})"
                : "";
            failure = new(UncNameError.IllegalCharacter,
                $"illegal character {UncNameFailure.ShowChar(c)} at position {start + bad} " +
                $"in component '{UncNameFailure.ShowComponent(component)}'{hint}",
                component, start + bad);
            return false;
        }

        if (kind != ComponentKind.Path && span is "." or "..")
        {
            string what = kind == ComponentKind.Server ? "server" : "share";
            failure = new(UncNameError.InvalidComponent,
                $"'{span}' at position {start} cannot be a {what} name", span.ToString(), start);
            return false;
        }

        return true;
    }

    private static bool TryCreate(
        string server, string? share, List<string> components,
        [NotNullWhen(true)] out UncName? result, out UncNameFailure failure)
    {
        long length = UncName.CanonicalLength(server, share, components);
        if (length > MaxPathLength)
        {
            result = null;
            failure = new(UncNameError.PathTooLong,
                $"the canonical name would be {length} characters long; the limit is {MaxPathLength}");
            return false;
        }

        failure = default;
        result = new UncName(server, share, components.ToArray());
        return true;
    }

    private static bool IsSeparator(char c) => c is '\\' or '/';

    private static int NextSeparator(string text, int pos)
    {
        int found = text.AsSpan(pos).IndexOfAny('\\', '/');
        return found < 0 ? text.Length : pos + found;
    }
}
