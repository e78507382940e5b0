using System.Text;

namespace DokanRedirector.Rdbss.Naming;

/// <summary>
/// Why a parse failed. The parser returns this instead of throwing so that
/// <see cref="UncName.TryParse"/> costs no exception; <see cref="UncName.Parse"/> turns it into one.
/// </summary>
internal readonly record struct UncNameFailure(
    UncNameError Error, string Reason, string? Component = null, int? Position = null)
{
    // Long enough to recognise a name, short enough that a 32K-character input does not flood a log.
    private const int MaxShownInput = 200;
    private const int MaxShownComponent = 80;

    /// <param name="lead">What was being parsed, with the input quoted, e.g. "Invalid UNC name '\\srv\a|b'".</param>
    public InvalidUncNameException ToException(string lead, string input, string paramName) =>
        new(Error, input, $"{lead}: {Reason}.", Component, Position, paramName);

    /// <summary>The input as it should appear in a message: control characters visible, long names cut.</summary>
    public static string ShowInput(string text) => Show(text, MaxShownInput);

    public static string ShowComponent(string text) => Show(text, MaxShownComponent);

    /// <summary>A printable character in quotes, anything else as its code point.</summary>
    public static string ShowChar(char c) =>
        char.IsControl(c) ? $"U+{(int)c:X4}" : $"'{c}'";

    private static string Show(string text, int max)
    {
        int shown = Math.Min(text.Length, max);
        // Never cut a surrogate pair in half.
        if (shown < text.Length && shown > 0 && char.IsHighSurrogate(text[shown - 1]))
        {
            shown--;
        }

        var builder = new StringBuilder(shown + 32);
        for (int i = 0; i < shown; i++)
        {
            char c = text[i];
            // U+2400.. are the Control Pictures (␀, ␁, ...): visible, and no UNC name uses them.
            builder.Append(c < 0x20 ? (char)(0x2400 + c) : c);
        }

        if (shown < text.Length)
        {
            builder.Append($"… ({text.Length} characters)");
        }

        return builder.ToString();
    }
}
