using DokanRedirector.Smb.Transport;

namespace DokanRedirector.Smb.Tests.Transport;

public class FramingTests
{
    [Test]
    public void FramePrefix_IsZeroThenA24BitBigEndianLength()
    {
        var prefix = new byte[4];

        DirectTcpTransport.WriteFramePrefix(prefix, 0x123456);

        Assert.That(prefix, Is.EqualTo(new byte[] { 0x00, 0x12, 0x34, 0x56 }));
    }
}
