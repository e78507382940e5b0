namespace DokanRedirector.Rdbss.Naming;

/// <summary>
/// Why a string is not a valid UNC name. When a name breaks several rules, the first check
/// that fails wins, in this order: <see cref="Empty"/>, <see cref="PathTooLong"/> (raw input),
/// <see cref="NulCharacter"/>, <see cref="NotUnc"/>, then the components from left to right,
/// and last <see cref="PathTooLong"/> for the canonical name.
/// </summary>
public enum UncNameError
{
    /// <summary>Null, empty or only white space.</summary>
    Empty,

    /// <summary>Does not start with two separators, or is a <c>\\?\</c> name that is not <c>\\?\UNC\</c>.</summary>
    NotUnc,

    /// <summary>Nothing between the leading separators and the next separator or the end.</summary>
    EmptyServer,

    /// <summary>Two separators in a row after the server, with a non-empty component later.</summary>
    EmptyShare,

    /// <summary>A control character, one of <c>&lt; &gt; : " | ? *</c>, or in a share name one of <c>[ ] + = ; ,</c>.</summary>
    IllegalCharacter,

    /// <summary>U+0000 anywhere in the input. Kept apart because it usually means a marshalling bug.</summary>
    NulCharacter,

    /// <summary>A server, share or path component longer than 255 UTF-16 code units.</summary>
    ComponentTooLong,

    /// <summary>The input, or the canonical name, longer than 32,767 UTF-16 code units.</summary>
    PathTooLong,

    /// <summary>
    /// A server or share named <c>.</c> or <c>..</c>. Their characters are legal, so this is
    /// not <see cref="IllegalCharacter"/>; the name itself is what Windows refuses.
    /// </summary>
    InvalidComponent,
}
