using DokanRedirector.Rdbss.Naming;

namespace DokanRedirector.Rdbss.Tests.Naming;

public class UncNameParseTests
{
    // input, ToString, PrefixKey, RelativePath
    [TestCase(@"\\srv\share", @"\\srv\share", @"\srv\share", "", TestName = "Parse_ShareRoot")]
    [TestCase(@"\\srv\share\a\b", @"\\srv\share\a\b", @"\srv\share\a\b", @"a\b", TestName = "Parse_BackslashPath")]
    [TestCase("//srv/share/a/b", @"\\srv\share\a\b", @"\srv\share\a\b", @"a\b", TestName = "Parse_ForwardSlashPath")]
    [TestCase(@"\/srv/share\a/b", @"\\srv\share\a\b", @"\srv\share\a\b", @"a\b", TestName = "Parse_MixedSeparators")]
    [TestCase(@"\\?\UNC\srv\share\a", @"\\srv\share\a", @"\srv\share\a", "a", TestName = "Parse_ExtendedPrefix_IsStripped")]
    [TestCase(@"\\?\unc\srv\share", @"\\srv\share", @"\srv\share", "", TestName = "Parse_ExtendedPrefix_MatchesCaseInsensitively")]
    [TestCase(@"\\?\UNC\srv\share/a//b\", @"\\srv\share\a\b", @"\srv\share\a\b", @"a\b", TestName = "Parse_ExtendedPrefix_RestIsCanonicalized")]
    [TestCase(@"\\srv", @"\\srv", @"\srv", "", TestName = "Parse_ServerOnly")]
    [TestCase(@"\\srv\", @"\\srv", @"\srv", "", TestName = "Parse_ServerOnly_TrailingSeparatorIgnored")]
    [TestCase(@"\\srv\\/", @"\\srv", @"\srv", "", TestName = "Parse_ServerOnly_SeveralTrailingSeparatorsIgnored")]
    [TestCase("//srv/", @"\\srv", @"\srv", "", TestName = "Parse_ServerOnly_ForwardSlashes")]
    [TestCase(@"\\?\UNC\srv", @"\\srv", @"\srv", "", TestName = "Parse_ServerOnly_Extended")]
    [TestCase(@"\\srv\share\", @"\\srv\share", @"\srv\share", "", TestName = "Parse_ShareRoot_TrailingSeparatorIgnored")]
    [TestCase(@"\\srv\share\\\", @"\\srv\share", @"\srv\share", "", TestName = "Parse_ShareRoot_RepeatedTrailingSeparatorsIgnored")]
    [TestCase(@"\\srv\share\a\\\b\", @"\\srv\share\a\b", @"\srv\share\a\b", @"a\b", TestName = "Parse_RepeatedSeparators_Collapse")]
    [TestCase(@"\\srv\share\.\a\.", @"\\srv\share\a", @"\srv\share\a", "a", TestName = "Parse_Dot_IsRemoved")]
    [TestCase(@"\\srv\share\a\..\b", @"\\srv\share\b", @"\srv\share\b", "b", TestName = "Parse_DotDot_RemovesPreviousComponent")]
    [TestCase(@"\\srv\share\a\..", @"\\srv\share", @"\srv\share", "", TestName = "Parse_DotDot_BackToShareRoot")]
    [TestCase(@"\\srv\share\..", @"\\srv\share", @"\srv\share", "", TestName = "Parse_DotDotAtShareRoot_StaysAtShareRoot")]
    [TestCase(@"\\srv\share\..\..\a", @"\\srv\share\a", @"\srv\share\a", "a", TestName = "Parse_DotDotAboveShare_IsDropped")]
    [TestCase(@"\\srv\share\a\b\..\..\..\c", @"\\srv\share\c", @"\srv\share\c", "c", TestName = "Parse_DotDotPastShareRoot_IsClamped")]
    [TestCase(@"\\srv\share\..\.\..\a\.\b\..", @"\\srv\share\a", @"\srv\share\a", "a", TestName = "Parse_DotsAndDotDots_Mixed")]
    [TestCase(@"\\Srv\ShArE\MiXeD", @"\\Srv\ShArE\MiXeD", @"\Srv\ShArE\MiXeD", "MiXeD", TestName = "Parse_CaseIsPreserved")]
    [TestCase(@"\\srv\share\dots.\space ", @"\\srv\share\dots.\space ", @"\srv\share\dots.\space ", @"dots.\space ", TestName = "Parse_TrailingDotsAndSpaces_AreKept")]
    [TestCase(@"\\srv\share\...\.x\..y", @"\\srv\share\...\.x\..y", @"\srv\share\...\.x\..y", @"...\.x\..y", TestName = "Parse_NamesMadeOfDots_AreOrdinaryNames")]
    [TestCase(@"\\сервер\общий\файл.txt", @"\\сервер\общий\файл.txt", @"\сервер\общий\файл.txt", "файл.txt", TestName = "Parse_Cyrillic")]
    [TestCase(@"\\srv\共有\文書\😀.txt", @"\\srv\共有\文書\😀.txt", @"\srv\共有\文書\😀.txt", @"文書\😀.txt", TestName = "Parse_CjkAndSurrogatePairs")]
    [TestCase(@"\\srv\C$\Windows", @"\\srv\C$\Windows", @"\srv\C$\Windows", "Windows", TestName = "Parse_AdminShare")]
    [TestCase(@"\\srv\share\a b\c[1]+=;,", @"\\srv\share\a b\c[1]+=;,", @"\srv\share\a b\c[1]+=;,", @"a b\c[1]+=;,", TestName = "Parse_ShareOnlyRestrictions_DoNotApplyToPaths")]
    [TestCase(@"\\192.168.0.1\share", @"\\192.168.0.1\share", @"\192.168.0.1\share", "", TestName = "Parse_Ipv4Server")]
    [TestCase(@"\\srv.example.com\share", @"\\srv.example.com\share", @"\srv.example.com\share", "", TestName = "Parse_DnsServer")]
    public void Parse_ValidName_IsCanonical(string input, string expected, string prefixKey, string relativePath)
    {
        UncName name = UncName.Parse(input);
        Assert.Multiple(() =>
        {
            Assert.That(name.ToString(), Is.EqualTo(expected));
            Assert.That(name.PrefixKey, Is.EqualTo(prefixKey));
            Assert.That(name.RelativePath, Is.EqualTo(relativePath));
            Assert.That(UncName.TryParse(input, out UncName? viaTry), Is.True);
            Assert.That(viaTry?.ToString(), Is.EqualTo(expected));
        });
    }

    [Test]
    public void Parse_ServerOnly_HasNoShareAndOneComponent()
    {
        UncName name = UncName.Parse(@"\\srv\");
        Assert.Multiple(() =>
        {
            Assert.That(name.Server, Is.EqualTo("srv"));
            Assert.That(name.Share, Is.Null);
            Assert.That(name.PathComponents, Is.Empty);
            Assert.That(name.ComponentCount, Is.EqualTo(1));
        });
    }

    [Test]
    public void Parse_Path_SplitsIntoServerShareAndComponents()
    {
        UncName name = UncName.Parse(@"\\srv\share\a\b\c");
        Assert.Multiple(() =>
        {
            Assert.That(name.Server, Is.EqualTo("srv"));
            Assert.That(name.Share, Is.EqualTo("share"));
            Assert.That(name.PathComponents, Is.EqualTo(new[] { "a", "b", "c" }));
            Assert.That(name.ComponentCount, Is.EqualTo(5));
        });
    }

    [Test]
    public void PathComponents_CannotBeCastBackAndChanged()
    {
        UncName name = UncName.Parse(@"\\srv\share\a");
        Assert.That(name.PathComponents, Is.Not.InstanceOf<string[]>());
    }

    [Test]
    public void Equals_IgnoresCaseOrdinally_AndHashCodesAgree()
    {
        UncName lower = UncName.Parse(@"\\srv\share\dir\file");
        UncName upper = UncName.Parse(@"//SRV/SHARE/DIR/FILE");
        Assert.Multiple(() =>
        {
            Assert.That(upper, Is.EqualTo(lower));
            Assert.That(upper == lower, Is.True);
            Assert.That(upper.GetHashCode(), Is.EqualTo(lower.GetHashCode()));
            Assert.That(upper.ToString(), Is.EqualTo(@"\\SRV\SHARE\DIR\FILE"), "case is kept");
        });
    }

    [TestCase(@"\\srv", @"\\srv\share")]
    [TestCase(@"\\srv\share", @"\\srv\share\a")]
    [TestCase(@"\\srv\share\a", @"\\srv\share\b")]
    [TestCase(@"\\srv\sharea", @"\\srv\share\a")]
    public void Equals_DifferentNames_AreNotEqual(string left, string right)
    {
        Assert.Multiple(() =>
        {
            Assert.That(UncName.Parse(left), Is.Not.EqualTo(UncName.Parse(right)));
            Assert.That(UncName.Parse(left) != UncName.Parse(right), Is.True);
            Assert.That(UncName.Parse(left).Equals(null), Is.False);
        });
    }

    [TestCase(@"\\srv\share\a\b", 1, @"\\srv")]
    [TestCase(@"\\srv\share\a\b", 2, @"\\srv\share")]
    [TestCase(@"\\srv\share\a\b", 3, @"\\srv\share\a")]
    [TestCase(@"\\srv\share\a\b", 4, @"\\srv\share\a\b")]
    [TestCase(@"\\srv", 1, @"\\srv")]
    public void Take_FirstComponents_AreAName(string input, int count, string expected)
    {
        UncName taken = UncName.Parse(input).Take(count);
        Assert.Multiple(() =>
        {
            Assert.That(taken.ToString(), Is.EqualTo(expected));
            Assert.That(taken.ComponentCount, Is.EqualTo(count));
        });
    }

    [TestCase(@"\\srv\share\a", 0)]
    [TestCase(@"\\srv\share\a", 4)]
    [TestCase(@"\\srv", 2)]
    public void Take_OutOfRange_Throws(string input, int count)
    {
        UncName name = UncName.Parse(input);
        Assert.That(() => name.Take(count), Throws.InstanceOf<ArgumentOutOfRangeException>());
    }

    [TestCase(@"\\srv\share", @"a\b", @"\\srv\share\a\b")]
    [TestCase(@"\\srv\share", @"\dir\file", @"\\srv\share\dir\file", TestName = "Combine_LeadingSeparator_IsStillBelowThisName")]
    [TestCase(@"\\srv\share\a", "b/c/", @"\\srv\share\a\b\c")]
    [TestCase(@"\\srv\share\a", "", @"\\srv\share\a")]
    [TestCase(@"\\srv\share\a", @".\.", @"\\srv\share\a")]
    [TestCase(@"\\srv\share\a\b", @"..\c", @"\\srv\share\a\c")]
    [TestCase(@"\\srv\share\a\b", @"..\..\..\..\c", @"\\srv\share\c", TestName = "Combine_DotDot_IsClampedAtShareRoot")]
    [TestCase(@"\\srv\share", "..", @"\\srv\share")]
    [TestCase(@"\\srv\share", @"a[1]\b;c", @"\\srv\share\a[1]\b;c")]
    public void Combine_RelativePath_ResolvesBelowThisName(string origin, string relative, string expected)
    {
        Assert.That(UncName.Parse(origin).Combine(relative).ToString(), Is.EqualTo(expected));
    }

    [TestCase(@"a|b", UncNameError.IllegalCharacter)]
    [TestCase("a\0b", UncNameError.NulCharacter)]
    [TestCase(@"a\b:stream", UncNameError.IllegalCharacter)]
    [TestCase(null, UncNameError.Empty)]
    public void Combine_InvalidRelativePath_Throws(string? relative, UncNameError error)
    {
        UncName origin = UncName.Parse(@"\\srv\share");
        InvalidUncNameException thrown = Assert.Throws<InvalidUncNameException>(() => origin.Combine(relative!));
        Assert.Multiple(() =>
        {
            Assert.That(thrown.Error, Is.EqualTo(error));
            Assert.That(thrown.ParamName, Is.EqualTo("relativePath"));
        });
    }

    [Test]
    public void Combine_ComponentTooLong_ReportsPositionInRelativePath()
    {
        UncName origin = UncName.Parse(@"\\srv\share");
        string relative = @"ok\" + new string('x', 256);
        InvalidUncNameException thrown = Assert.Throws<InvalidUncNameException>(() => origin.Combine(relative));
        Assert.Multiple(() =>
        {
            Assert.That(thrown.Error, Is.EqualTo(UncNameError.ComponentTooLong));
            Assert.That(thrown.Position, Is.EqualTo(3));
            Assert.That(thrown.Input, Is.EqualTo(relative));
        });
    }

    [Test]
    public void Combine_OnServerOnlyName_IsMisuse()
    {
        UncName server = UncName.Parse(@"\\srv");
        Assert.That(() => server.Combine("a"), Throws.InvalidOperationException);
    }

    [Test]
    public void Combine_CanonicalNameOfExactlyMaxLength_IsAccepted_OneMore_IsPathTooLong()
    {
        UncName origin = UncName.Parse(@"\\srv\share");
        // The relative path must add 32,767 - 11 characters, each component with its separator.
        string fits = UncNameTestData.RelativePathAdding(32_767 - origin.ToString().Length);
        string tooLong = UncNameTestData.RelativePathAdding(32_768 - origin.ToString().Length);

        Assert.That(origin.Combine(fits).ToString(), Has.Length.EqualTo(32_767));
        InvalidUncNameException thrown = Assert.Throws<InvalidUncNameException>(() => origin.Combine(tooLong));
        Assert.That(thrown.Error, Is.EqualTo(UncNameError.PathTooLong));
    }
}
