namespace DokanRedirector.Dokan.Tests.FileSystem;

/// <summary>dokan.h's convention for an open that found the file: STATUS_OBJECT_NAME_COLLISION, which dokan2.dll takes as success.</summary>
public sealed class CreateAnswerTests
{
    [TestCase(NtCreateDisposition.OpenIf, NtCreateAction.Opened, 0xC0000035u)]
    [TestCase(NtCreateDisposition.OverwriteIf, NtCreateAction.Overwritten, 0xC0000035u)]
    [TestCase(NtCreateDisposition.Supersede, NtCreateAction.Superseded, 0xC0000035u)]
    [TestCase(NtCreateDisposition.OpenIf, NtCreateAction.Created, 0u)]
    [TestCase(NtCreateDisposition.OverwriteIf, NtCreateAction.Created, 0u)]
    [TestCase(NtCreateDisposition.Open, NtCreateAction.Opened, 0u)]
    [TestCase(NtCreateDisposition.Overwrite, NtCreateAction.Overwritten, 0u)]
    [TestCase(NtCreateDisposition.Create, NtCreateAction.Created, 0u)]
    public void For_AnswersCollisionOnlyWhenAnAlwaysDispositionFoundTheFile(NtCreateDisposition disposition, NtCreateAction action, uint expected) =>
        Assert.That(CreateAnswer.For(disposition, action), Is.EqualTo(new NtStatus(expected)));
}
