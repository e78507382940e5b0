using DokanRedirector.Rdbss.Naming;

namespace DokanRedirector.Rdbss.Tests.Naming;

public class UncNameInvalidTests
{
    private static IEnumerable<TestCaseData> BadNames()
    {
        TestCaseData Bad(string? input, UncNameError error, string name) =>
            new TestCaseData(input, error).SetName($"Parse_{name}_Is{error}");

        yield return Bad(null, UncNameError.Empty, "Null");
        yield return Bad("", UncNameError.Empty, "EmptyString");
        yield return Bad("   ", UncNameError.Empty, "Spaces");
        yield return Bad("\t\r\n", UncNameError.Empty, "WhiteSpace");

        yield return Bad(@"C:\x", UncNameError.NotUnc, "DrivePath");
        yield return Bad(@"\server\share", UncNameError.NotUnc, "OneLeadingSeparator");
        yield return Bad(@"server\share", UncNameError.NotUnc, "NoLeadingSeparator");
        yield return Bad(@"\", UncNameError.NotUnc, "LoneSeparator");
        yield return Bad(@" \\srv\share", UncNameError.NotUnc, "LeadingSpace");
        yield return Bad(@"\\?\C:\x", UncNameError.NotUnc, "ExtendedLocalPath");
        yield return Bad(@"\\?", UncNameError.NotUnc, "ExtendedPrefixAlone");
        yield return Bad(@"\\?\UNCsrv\share", UncNameError.NotUnc, "ExtendedUncWithoutSeparator");
        yield return Bad(@"\\?\UNC/srv/share", UncNameError.NotUnc, "ExtendedUncWithForwardSlash");
        yield return Bad("//?/UNC/srv/share", UncNameError.NotUnc, "ExtendedPrefixWithForwardSlashes");

        yield return Bad(@"\\", UncNameError.EmptyServer, "TwoSeparators");
        yield return Bad(@"\\\", UncNameError.EmptyServer, "ThreeSeparators");
        yield return Bad(@"\\\share", UncNameError.EmptyServer, "ThreeLeadingSeparators");
        yield return Bad("///srv/share", UncNameError.EmptyServer, "ThreeLeadingForwardSlashes");
        yield return Bad(@"\\?\UNC\", UncNameError.EmptyServer, "ExtendedPrefixOnly");
        yield return Bad(@"\\?\UNC", UncNameError.EmptyServer, "ExtendedPrefixWithoutTrailingSeparator");
        yield return Bad(@"\\?\UNC\\srv\share", UncNameError.EmptyServer, "ExtendedPrefixThenSeparator");

        yield return Bad(@"\\server\\share", UncNameError.EmptyShare, "DoubleSeparatorAfterServer");
        yield return Bad(@"\\server\\\share\a", UncNameError.EmptyShare, "TripleSeparatorAfterServer");
        yield return Bad("//server//share", UncNameError.EmptyShare, "DoubleForwardSlashAfterServer");

        yield return Bad("\\\\srv\\sh\0are", UncNameError.NulCharacter, "NulInShare");
        yield return Bad("\\\\s\0rv\\share", UncNameError.NulCharacter, "NulInServer");
        yield return Bad("\\\\srv\\share\\a\0", UncNameError.NulCharacter, "NulInPath");
        yield return Bad("\0", UncNameError.NulCharacter, "NulAlone");
        yield return Bad("C:\\\0", UncNameError.NulCharacter, "NulBeatsNotUnc");
        yield return Bad("\\\\srv\\a|b\\\0", UncNameError.NulCharacter, "NulBeatsIllegalCharacter");

        foreach (char c in "<>:\"|?*\u0001\u001F\t")
        {
            string shown = $"U{(int)c:X4}";
            yield return Bad($@"\\s{c}rv\share", UncNameError.IllegalCharacter, $"Server{shown}");
            yield return Bad($@"\\srv\sh{c}are", UncNameError.IllegalCharacter, $"Share{shown}");
            yield return Bad($@"\\srv\share\a{c}", UncNameError.IllegalCharacter, $"Path{shown}");
        }

        foreach (char c in "[]+=;,")
        {
            yield return Bad($@"\\srv\sh{c}are\a", UncNameError.IllegalCharacter, $"ShareU{(int)c:X4}");
        }

        yield return Bad(@"\\srv:445\share", UncNameError.IllegalCharacter, "ServerWithPort");
        yield return Bad(@"\\srv\share\file:stream", UncNameError.IllegalCharacter, "AlternateDataStream");
        yield return Bad(@"\\srv\share\*.txt", UncNameError.IllegalCharacter, "Wildcard");
        yield return Bad(@"\\srv\share\a|b\..", UncNameError.IllegalCharacter, "IllegalComponentRemovedByDotDot");

        yield return Bad(@"\\.\share", UncNameError.InvalidComponent, "ServerDot");
        yield return Bad(@"\\.\pipe\x", UncNameError.InvalidComponent, "DevicePath");
        yield return Bad(@"\\..\share", UncNameError.InvalidComponent, "ServerDotDot");
        yield return Bad(@"\\.", UncNameError.InvalidComponent, "ServerDotOnly");
        yield return Bad(@"\\srv\.", UncNameError.InvalidComponent, "ShareDot");
        yield return Bad(@"\\srv\.\", UncNameError.InvalidComponent, "ShareDotTrailing");
        yield return Bad(@"\\srv\..\a", UncNameError.InvalidComponent, "ShareDotDot");

        string long256 = new('x', 256);
        yield return Bad($@"\\{long256}\share", UncNameError.ComponentTooLong, "Server256");
        yield return Bad($@"\\srv\{long256}", UncNameError.ComponentTooLong, "Share256");
        yield return Bad($@"\\srv\share\{long256}", UncNameError.ComponentTooLong, "Path256");
        yield return Bad($@"\\srv\share\{long256}\..", UncNameError.ComponentTooLong, "Path256RemovedByDotDot");
        yield return Bad($@"\\srv\share\{new string('é', 256)}", UncNameError.ComponentTooLong, "Path256NonAscii");
        yield return Bad($@"\\srv\share\{string.Concat(Enumerable.Repeat("😀", 128))}", UncNameError.ComponentTooLong, "Path128SurrogatePairs");

        yield return Bad(UncNameTestData.NameOfLength(32_768), UncNameError.PathTooLong, "Input32768");
        yield return Bad(@"\\s\sh" + string.Concat(Enumerable.Repeat(@"\.", 16_381)), UncNameError.PathTooLong, "Input32768WithShortCanonical");
    }

    [TestCaseSource(nameof(BadNames))]
    public void Parse_InvalidName_ThrowsWithError(string? input, UncNameError error)
    {
        InvalidUncNameException thrown = Assert.Throws<InvalidUncNameException>(() => UncName.Parse(input!));
        Assert.Multiple(() =>
        {
            Assert.That(thrown.Error, Is.EqualTo(error), thrown.Message);
            Assert.That(thrown.Input, Is.EqualTo(input ?? ""));
            Assert.That(UncName.TryParse(input, out UncName? result), Is.False);
            Assert.That(result, Is.Null);
        });
    }

    private static IEnumerable<TestCaseData> LongestValidNames()
    {
        string long255 = new('x', 255);
        yield return new TestCaseData($@"\\{long255}\share").SetName("Parse_Server255_IsAccepted");
        yield return new TestCaseData($@"\\srv\{long255}").SetName("Parse_Share255_IsAccepted");
        yield return new TestCaseData($@"\\srv\share\{long255}").SetName("Parse_Path255_IsAccepted");
        yield return new TestCaseData($@"\\srv\share\{string.Concat(Enumerable.Repeat("😀", 127))}é")
            .SetName("Parse_Path255WithSurrogatePairs_IsAccepted");
        yield return new TestCaseData(UncNameTestData.NameOfLength(32_767)).SetName("Parse_Input32767_IsAccepted");
        yield return new TestCaseData(@"\\s\sh" + string.Concat(Enumerable.Repeat(@"\.", 16_380)) + @"\")
            .SetName("Parse_Input32767WithShortCanonical_IsAccepted");
    }

    [TestCaseSource(nameof(LongestValidNames))]
    public void Parse_AtTheLimits_IsAccepted(string input)
    {
        Assert.That(UncName.TryParse(input, out _), Is.True);
        Assert.That(input, Has.Length.LessThanOrEqualTo(32_767));
    }

    [Test]
    public void Parse_Input32767_RoundTripsToItself()
    {
        string input = UncNameTestData.NameOfLength(32_767);
        Assert.That(UncName.Parse(input).ToString(), Is.EqualTo(input));
    }

    [Test]
    public void Message_NamesCharacterPositionAndComponent()
    {
        InvalidUncNameException thrown = Assert.Throws<InvalidUncNameException>(() => UncName.Parse(@"\\srv\a|b"));
        Assert.Multiple(() =>
        {
            Assert.That(thrown.Message, Is.EqualTo(@"Invalid UNC name '\\srv\a|b': illegal character '|' at position 7 in component 'a|b'."));
            Assert.That(thrown.Component, Is.EqualTo("a|b"));
            Assert.That(thrown.Position, Is.EqualTo(7));
            Assert.That(thrown.ParamName, Is.EqualTo("name"));
            Assert.That(thrown, Is.InstanceOf<ArgumentException>());
        });
    }

    [Test]
    public void Message_ShareOnlyCharacter_SaysWhyItIsIllegal()
    {
        InvalidUncNameException thrown = Assert.Throws<InvalidUncNameException>(() => UncName.Parse(@"\\srv\a[1]"));
        Assert.That(thrown.Message, Does.Contain("share names may not contain [ ] + = ; ,"));
    }

    [Test]
    public void Message_ControlCharacters_AreShownVisibly()
    {
        InvalidUncNameException thrown = Assert.Throws<InvalidUncNameException>(() => UncName.Parse("\\\\srv\\a\u0001b"));
        Assert.Multiple(() =>
        {
            Assert.That(thrown.Message, Is.EqualTo("Invalid UNC name '\\\\srv\\a\u2401b': illegal character U+0001 at position 7 in component 'a\u2401b'."));
            Assert.That(thrown.Component, Is.EqualTo("a\u0001b"));
        });
    }

    [Test]
    public void Message_Nul_GivesPosition()
    {
        InvalidUncNameException thrown = Assert.Throws<InvalidUncNameException>(() => UncName.Parse("\\\\srv\\sh\0"));
        Assert.Multiple(() =>
        {
            Assert.That(thrown.Message, Does.Contain("NUL character (U+0000) at position 8"));
            Assert.That(thrown.Position, Is.EqualTo(8));
        });
    }

    [Test]
    public void Message_HugeInput_IsCutShort()
    {
        InvalidUncNameException thrown = Assert.Throws<InvalidUncNameException>(
            () => UncName.Parse(UncNameTestData.NameOfLength(40_000)));
        Assert.Multiple(() =>
        {
            Assert.That(thrown.Message, Has.Length.LessThan(400));
            Assert.That(thrown.Message, Does.Contain("40000 characters"));
            Assert.That(thrown.Input, Has.Length.EqualTo(40_000));
        });
    }

    [Test]
    public void Message_ComponentTooLong_GivesLengthAndLimit()
    {
        string input = $@"\\srv\share\{new string('x', 256)}";
        InvalidUncNameException thrown = Assert.Throws<InvalidUncNameException>(() => UncName.Parse(input));
        Assert.Multiple(() =>
        {
            Assert.That(thrown.Message, Does.Contain("is 256 characters long; the limit is 255"));
            Assert.That(thrown.Position, Is.EqualTo(12));
            Assert.That(thrown.Component, Has.Length.EqualTo(256));
        });
    }

    [TestCase(@"\\server\\share", "the share name is empty")]
    [TestCase(@"\\\share", "the server name is empty")]
    [TestCase(@"C:\x", "must start with two separators")]
    [TestCase(@"\\srv\..", "'..' at position 6 cannot be a share name")]
    public void Message_SaysWhatIsWrong(string input, string expected)
    {
        InvalidUncNameException thrown = Assert.Throws<InvalidUncNameException>(() => UncName.Parse(input));
        Assert.That(thrown.Message, Does.Contain(expected));
    }
}
