using System.Text;
using FsCheck;
using FsCheck.Fluent;

namespace DokanRedirector.Rdbss.Tests.Naming;

/// <summary>A valid name as parts, and the one canonical string it must parse to.</summary>
public sealed record UncNameSpec(string Server, string? Share, string[] Components)
{
    public string Canonical
    {
        get
        {
            var text = new StringBuilder(@"\\").Append(Server);
            if (Share is not null)
            {
                text.Append('\\').Append(Share);
            }

            foreach (string component in Components)
            {
                text.Append('\\').Append(component);
            }

            return text.ToString();
        }
    }

    public override string ToString() => Canonical;
}

/// <summary>How to write a spec out: which form, which separators, and what noise to add.</summary>
public enum UncForm { Backslash, ForwardSlash, Mixed, Extended }

/// <summary>
/// One written form of a spec. The noise ("." and "x\.." pairs, ".." at the share root,
/// repeated and trailing separators) is fixed per case, so the same case can be rendered in every
/// form and the results compared.
/// </summary>
public sealed record UncNameCase(UncNameSpec Spec, string[] Path, bool[] SlashChoices, int[] Repeats, bool Trailing)
{
    public string Render(UncForm form)
    {
        var text = new StringBuilder();
        int separator = 0;

        // Server-only names take no noise: "\\srv\." would make "." the share.
        void Separator()
        {
            int index = separator++ % SlashChoices.Length;
            char c = form switch
            {
                UncForm.ForwardSlash => '/',
                UncForm.Backslash => '\\',
                _ => SlashChoices[index] ? '/' : '\\',  // Mixed and Extended
            };
            text.Append(c, 1 + Repeats[index]);
        }

        text.Append(form switch
        {
            UncForm.ForwardSlash => "//",
            UncForm.Backslash => @"\\",
            UncForm.Mixed => (SlashChoices[^1] ? "/" : @"\") + (SlashChoices[^2] ? "/" : @"\"),
            _ => @"\\?\UNC\",
        });
        text.Append(Spec.Server);
        if (Spec.Share is not null)
        {
            text.Append(form is UncForm.ForwardSlash or UncForm.Mixed ? '/' : '\\');
            text.Append(Spec.Share);
            foreach (string component in Path)
            {
                Separator();
                text.Append(component);
            }
        }

        if (Trailing)
        {
            Separator();
        }

        return text.ToString();
    }

    public override string ToString() => $"{Render(UncForm.Backslash)} | {Render(UncForm.Extended)} => {Spec.Canonical}";
}

public static class UncNameGenerators
{
    /// <summary>
    /// Legal in every kind of component. The non-ASCII letters have simple, reversible case
    /// mappings (no Turkish dotted I), so a case change keeps names OrdinalIgnoreCase-equal.
    /// "😀" is a surrogate pair, kept whole.
    /// </summary>
    private static readonly string[] s_legal =
    [
        .. "abcxyzABCXYZ019-_$ !#%&'()@^{}~.".Select(c => c.ToString()),
        "é", "É", "ß", "ñ", "ж", "Ж", "Ω", "ω", "中", "文", "😀",
    ];

    // Legal in path components but not in share names.
    private static readonly string[] s_pathOnly = ["[", "]", "+", "=", ";", ","];

    public static Gen<string> Component(bool allowPathOnly = false) =>
        from length in Gen.Choose(1, 10)
        from tokens in Gen.ArrayOf(Gen.Elements(allowPathOnly ? [.. s_legal, .. s_pathOnly] : s_legal), length)
        let name = string.Concat(tokens)
        where name is not "." and not ".."
        select name;

    public static Gen<UncNameSpec> Spec =>
        from server in Component()
        from hasShare in Gen.Frequency((1, Gen.Constant(false)), (6, Gen.Constant(true)))
        from share in Component()
        from components in Gen.Choose(0, 5).SelectMany(n => Gen.ArrayOf(Component(allowPathOnly: true), n))
        select hasShare ? new UncNameSpec(server, share, components) : new UncNameSpec(server, null, []);

    /// <summary>A spec plus noise that canonicalization must remove.</summary>
    public static Gen<UncNameCase> Case =>
        from spec in Spec
        from rootCount in Gen.Choose(0, 2)
        from atRoot in Gen.ArrayOf(Gen.Elements(".", ".."), rootCount)
        from noisy in Gen.CollectToArray(spec.Components, c => Noise(c))
        from slashes in Gen.ArrayOf(Gen.Elements(true, false), 64)
        from repeats in Gen.ArrayOf(Gen.Frequency((6, Gen.Constant(0)), (1, Gen.Choose(1, 3))), 64)
        from trailing in Gen.Elements(true, false)
        select new UncNameCase(spec, [.. atRoot, .. noisy.SelectMany(n => n)], slashes, repeats, trailing);

    public static Arbitrary<UncNameCase> CaseArb => Case.ToArbitrary();

    /// <summary>
    /// Path steps from legal names, "." and ".."; the model applies them with ".." clamped at the
    /// share root.
    /// </summary>
    public static Gen<string[]> Steps =>
        Gen.Choose(0, 12).SelectMany(n => Gen.ArrayOf(
            Gen.Frequency((3, Component(allowPathOnly: true)), (1, Gen.Constant(".")), (2, Gen.Constant(".."))), n));

    /// <summary>
    /// Strings biased towards the shapes the parser branches on: separators, "?", "UNC", dots,
    /// NUL, control and illegal characters. Not necessarily valid.
    /// </summary>
    public static Gen<string> Hostile
    {
        get
        {
            Gen<string> token = Gen.Elements(
                @"\", "/", @"\\", "//", "?", "UNC", "unc", @"\\?\UNC\", @"\\?\", ".", "..", "\0", "\u0001", "\u001F",
                "|", ":", "*", "<", "\"", "[", ";", "a", "b", "é", "😀", "\uD800", " ", "\t", "srv", "share");
            Gen<string> noise =
                from length in Gen.Choose(0, 12)
                from tokens in Gen.ArrayOf(token, length)
                select string.Concat(tokens);
            // A valid name with one token inserted or overwritten: mostly near misses.
            Gen<string> mutated =
                from c in Case
                from form in Gen.Elements(Enum.GetValues<UncForm>())
                let text = c.Render(form)
                from at in Gen.Choose(0, text.Length - 1)
                from t in token
                from overwrite in Gen.Elements(true, false)
                select text.Remove(at, overwrite ? 1 : 0).Insert(at, t);
            return Gen.OneOf(
                noise,
                noise.Select(s => @"\\" + s),
                mutated,
                Case.Select(c => c.Render(UncForm.Mixed)),
                ArbMap.Default.ArbFor<string>().Generator);
        }
    }

    public static Arbitrary<string> HostileArb => Hostile.ToArbitrary();

    /// <summary>Changes the case of some characters; lengths and legality are kept.</summary>
    public static Gen<string> RandomCase(string text) =>
        from upper in Gen.ArrayOf(Gen.Elements(true, false, false), text.Length)
        select new string(text.Select((c, i) => upper[i] ? char.ToUpperInvariant(c) : char.ToLowerInvariant(c)).ToArray());

    // A component, sometimes preceded by "." or by a junk name that ".." takes away again.
    private static Gen<string[]> Noise(string component) =>
        from kind in Gen.Choose(0, 3)
        from junk in Component(allowPathOnly: true)
        select kind switch
        {
            0 => new[] { ".", component },
            1 => [junk, "..", component],
            2 => [junk, ".", "..", component, "."],
            _ => [component],
        };
}
