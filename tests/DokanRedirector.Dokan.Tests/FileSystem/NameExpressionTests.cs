namespace DokanRedirector.Dokan.Tests.FileSystem;

/// <summary>FsRtlIsNameInExpression's rules (ntifs.h), case-insensitive, as DokanIsNameInExpression applies them.</summary>
public sealed class NameExpressionTests
{
    [TestCase("*", "anything.txt", true)]
    [TestCase("*", "", true)]
    [TestCase("*.txt", "notes.TXT", true, Description = "case-insensitive")]
    [TestCase("*.txt", "notes.txt.bak", false)]
    [TestCase("a*b*c", "aXXbYYc", true)]
    [TestCase("a*b*c", "aXXcYYb", false)]
    [TestCase("?", "a", true)]
    [TestCase("?", "", false)]
    [TestCase("???", "ab", false, Description = "? takes exactly one")]
    [TestCase("file.txt", "FILE.TXT", true)]
    [TestCase("file.txt", "file.txt2", false)]
    [TestCase("<.txt", "a.b.txt", true, Description = "DOS_STAR may take periods that are not the last")]
    [TestCase("<", "noext", true)]
    [TestCase("<", "a.b", false, Description = "DOS_STAR stops before the last period")]
    [TestCase("<.<", "a.b", true)]
    [TestCase(">>>", "ab", true, Description = "DOS_QM matches nothing at the end of the name")]
    [TestCase(">>>.txt", "ab.txt", true, Description = "DOS_QMs shrink to what is left before the period")]
    [TestCase(">>>.txt", "abcd.txt", false)]
    [TestCase(">", ".", false, Description = "DOS_QM never takes a period")]
    [TestCase("a\"txt", "a.txt", true, Description = "DOS_DOT matches a period")]
    [TestCase("abc\"", "abc", true, Description = "DOS_DOT matches nothing at the end")]
    [TestCase("abc\"", "abcx", false)]
    [TestCase("<\"*", "name", true, Description = "what the I/O manager makes of Win32's \"*.\"")]
    [TestCase("", "", true)]
    [TestCase("", "a", false)]
    public void IsMatch_FollowsFsRtlIsNameInExpression(string expression, string name, bool expected) =>
        Assert.That(NameExpression.IsMatch(expression, name), Is.EqualTo(expected));
}
