using System.Buffers.Binary;
using DokanRedirector.Smb.Messages;

namespace DokanRedirector.Smb.Tests.Messages;

public class SmbHeaderTests
{
    [Test]
    public void SyncHeader_RoundTrips_WithFieldsAtTheirSpecOffsets()
    {
        var header = new SmbHeader
        {
            CreditCharge = 3,
            Command = SmbCommand.Read,
            Credits = 257,
            Flags = SmbHeaderFlags.Signed,
            MessageId = 0x0102030405060708,
            TreeId = 0xAABBCCDD,
            SessionId = 0x1122334455667788,
        };
        var bytes = new byte[SmbHeader.Size];

        header.Write(bytes);
        var read = SmbHeader.Read(bytes);

        Assert.Multiple(() =>
        {
            Assert.That(bytes[..4], Is.EqualTo(new byte[] { 0xFE, (byte)'S', (byte)'M', (byte)'B' }));
            Assert.That(BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(4)), Is.EqualTo(64));
            Assert.That(BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(36)), Is.EqualTo(0xAABBCCDD));
            Assert.That(read, Is.EqualTo(header));
        });
    }

    [Test]
    public void AsyncHeader_CarriesAsyncIdInsteadOfTreeId()
    {
        var header = new SmbHeader { Flags = SmbHeaderFlags.AsyncCommand | SmbHeaderFlags.ServerToRedir, AsyncId = 42, Status = 0x103 };
        var bytes = new byte[SmbHeader.Size];

        header.Write(bytes);
        var read = SmbHeader.Read(bytes);

        Assert.Multiple(() =>
        {
            Assert.That(read.AsyncId, Is.EqualTo(42));
            Assert.That(read.IsAsync, Is.True);
            Assert.That(read.NtStatus, Is.EqualTo(NtStatus.Pending));
        });
    }

    [TestCase(63)]
    [TestCase(0)]
    public void Read_RejectsAShortMessage(int length)
    {
        Assert.That(() => SmbHeader.Read(new byte[length]), Throws.InstanceOf<SmbProtocolException>());
    }

    [Test]
    public void Read_RejectsAWrongProtocolId()
    {
        var bytes = new byte[SmbHeader.Size];
        new SmbHeader().Write(bytes);
        bytes[0] = 0xFF; // SMB1

        Assert.That(() => SmbHeader.Read(bytes), Throws.InstanceOf<SmbProtocolException>().With.Message.Contains("protocol id"));
    }
}
