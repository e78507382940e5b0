namespace DokanRedirector.Tests;

public class NtStatusTests
{
    [TestCase(0xC00000CCu, "STATUS_BAD_NETWORK_NAME")]
    [TestCase(0xC00000BAu, "STATUS_FILE_IS_A_DIRECTORY")]
    [TestCase(0xC0000107u, "STATUS_FILES_OPEN")]
    [TestCase(0x00000000u, "STATUS_SUCCESS")]
    [TestCase(0xC0FFEE01u, "0xC0FFEE01")]
    public void Name_IsTheWindowsName_OrHexWhenUnknown(uint value, string expected)
    {
        Assert.That(new NtStatus(value).Name, Is.EqualTo(expected));
    }

    [Test]
    public void Severity_SuccessAndInformationalAreSuccess_WarningAndErrorAreNot()
    {
        Assert.Multiple(() =>
        {
            Assert.That(NtStatus.Success.IsSuccess, Is.True);
            Assert.That(NtStatus.Pending.IsSuccess, Is.True);
            Assert.That(NtStatus.NoMoreFiles.IsSuccess, Is.False);
            Assert.That(NtStatus.NoMoreFiles.IsError, Is.False);
            Assert.That(NtStatus.AccessDenied.IsError, Is.True);
        });
    }
}
