using DokanRedirector.Rdbss.Naming;
using FsCheck;
using FsCheck.Fluent;

namespace DokanRedirector.Rdbss.Tests.Naming;

public class UncNamePropertyTests
{
    private static readonly UncForm[] s_forms = Enum.GetValues<UncForm>();

    [Test]
    public void Parse_AnyWrittenForm_GivesTheCanonicalName()
    {
        Prop.ForAll(UncNameGenerators.CaseArb, c =>
                s_forms.All(form => UncName.Parse(c.Render(form)).ToString() == c.Spec.Canonical))
            .QuickCheckThrowOnFailure();
    }

    [Test]
    public void Parse_ToString_RoundTripsToAnEqualName()
    {
        Prop.ForAll(UncNameGenerators.CaseArb, c =>
            {
                UncName name = UncName.Parse(c.Render(UncForm.Mixed));
                UncName again = UncName.Parse(name.ToString());
                return again.Equals(name)
                    && again.ToString() == name.ToString()
                    && again.PrefixKey == name.PrefixKey
                    && again.RelativePath == name.RelativePath;
            })
            .QuickCheckThrowOnFailure();
    }

    [Test]
    public void Parse_IsIdempotent()
    {
        Prop.ForAll(UncNameGenerators.CaseArb, c =>
            {
                string once = UncName.Parse(c.Render(UncForm.Extended)).ToString();
                string twice = UncName.Parse(UncName.Parse(once).ToString()).ToString();
                return once == twice;
            })
            .QuickCheckThrowOnFailure();
    }

    [Test]
    public void Parse_SlashBackslashAndExtendedForms_AreEqualNames()
    {
        Prop.ForAll(UncNameGenerators.CaseArb, c =>
            {
                UncName backslash = UncName.Parse(c.Render(UncForm.Backslash));
                UncName forward = UncName.Parse(c.Render(UncForm.ForwardSlash));
                UncName extended = UncName.Parse(c.Render(UncForm.Extended));
                return backslash.Equals(forward) && backslash.Equals(extended)
                    && backslash.ToString() == forward.ToString()
                    && backslash.ToString() == extended.ToString();
            })
            .QuickCheckThrowOnFailure();
    }

    [Test]
    public void Parse_CaseChangedInput_IsEqualWithEqualHashCode()
    {
        Arbitrary<(UncNameCase Case, string Changed)> arb =
            (from c in UncNameGenerators.Case
             from form in Gen.Elements(s_forms)
             from changed in UncNameGenerators.RandomCase(c.Render(form))
             select (c, changed)).ToArbitrary();

        Prop.ForAll(arb, pair =>
            {
                UncName original = UncName.Parse(pair.Case.Spec.Canonical);
                UncName changed = UncName.Parse(pair.Changed);
                return changed.Equals(original) && original.Equals(changed) && changed == original
                    && changed.GetHashCode() == original.GetHashCode()
                    && string.Equals(changed.ToString(), original.ToString(), StringComparison.OrdinalIgnoreCase);
            })
            .QuickCheckThrowOnFailure();
    }

    [Test]
    public void Parse_DotDot_NeverClimbsAboveTheShare_AndMatchesAStackModel()
    {
        Arbitrary<(UncNameSpec Root, string[] Steps)> arb =
            (from root in UncNameGenerators.Spec.Where(s => s.Share is not null)
             from steps in UncNameGenerators.Steps
             select (root, steps)).ToArbitrary();

        Prop.ForAll(arb, pair =>
            {
                var model = new List<string>(pair.Root.Components);
                foreach (string step in pair.Steps)
                {
                    if (step == "..")
                    {
                        if (model.Count > 0)
                        {
                            model.RemoveAt(model.Count - 1);
                        }
                    }
                    else if (step != ".")
                    {
                        model.Add(step);
                    }
                }

                string input = pair.Root.Canonical + string.Concat(pair.Steps.Select(s => "\\" + s));
                UncName name = UncName.Parse(input);
                UncName combined = UncName.Parse(pair.Root.Canonical).Combine(string.Join('/', pair.Steps));
                return name.ComponentCount >= 2
                    && name.Share == pair.Root.Share
                    && name.PathComponents.SequenceEqual(model)
                    && combined.ToString() == name.ToString();
            })
            .QuickCheckThrowOnFailure();
    }

    [Test]
    public void Take_ThenCombineRelativePath_GivesTheSameName()
    {
        Prop.ForAll(UncNameGenerators.CaseArb, c =>
            {
                UncName name = UncName.Parse(c.Render(UncForm.Backslash));
                return name.Share is null
                    || (name.Take(2).Combine(name.RelativePath) is var rebuilt
                        && rebuilt.ToString() == name.ToString()
                        && name.Take(1).ToString() == @"\\" + name.Server);
            })
            .QuickCheckThrowOnFailure();
    }

    [Test]
    public void TryParse_ArbitraryString_NeverThrows_AndAgreesWithParse()
    {
        Prop.ForAll(UncNameGenerators.HostileArb, input =>
            {
                bool parsed = UncName.TryParse(input, out UncName? viaTry);
                try
                {
                    UncName viaParse = UncName.Parse(input);
                    return parsed && viaTry is not null && viaParse.ToString() == viaTry.ToString();
                }
                catch (InvalidUncNameException)
                {
                    return !parsed && viaTry is null;
                }
            })
            .QuickCheckThrowOnFailure();
    }

    [Test]
    public void TryParse_ArbitraryValidName_IsStableUnderReparse()
    {
        // Whatever TryParse accepts, including names found by the hostile generator, is canonical.
        Prop.ForAll(UncNameGenerators.HostileArb, input =>
                !UncName.TryParse(input, out UncName? name)
                || (UncName.TryParse(name.ToString(), out UncName? again) && again.ToString() == name.ToString()))
            .QuickCheckThrowOnFailure();
    }
}
