using System.Buffers.Binary;
using DokanRedirector.Smb.Crypto;
using DokanRedirector.Smb.Messages;

namespace DokanRedirector.Smb.Tests.Messages;

public class NegotiateTests
{
    private static readonly byte[] Salt = Enumerable.Range(1, 32).Select(i => (byte)i).ToArray();

    [Test]
    public void Request_WithoutSmb311_HasNoContexts()
    {
        var request = new NegotiateRequest([SmbDialect.Smb202, SmbDialect.Smb210], SmbSecurityMode.SigningEnabled, SmbCapabilities.LargeMtu, Guid.NewGuid(), Salt);
        var body = new byte[request.BodySize];

        request.WriteBody(body);

        Assert.Multiple(() =>
        {
            Assert.That(body, Has.Length.EqualTo(36 + 4));
            Assert.That(BinaryPrimitives.ReadUInt16LittleEndian(body), Is.EqualTo(36));
            Assert.That(BinaryPrimitives.ReadUInt16LittleEndian(body.AsSpan(2)), Is.EqualTo(2));
            Assert.That(BinaryPrimitives.ReadUInt32LittleEndian(body.AsSpan(28)), Is.Zero, "NegotiateContextOffset");
            Assert.That(BinaryPrimitives.ReadUInt16LittleEndian(body.AsSpan(38)), Is.EqualTo(0x0210));
        });
    }

    [Test]
    public void Request_WithSmb311_Carries3AlignedContexts_PreauthEncryptionSigning()
    {
        SmbDialect[] dialects = [SmbDialect.Smb202, SmbDialect.Smb210, SmbDialect.Smb300, SmbDialect.Smb302, SmbDialect.Smb311];
        var request = new NegotiateRequest(dialects, SmbSecurityMode.SigningEnabled, SmbCapabilities.LargeMtu, Guid.NewGuid(), Salt);
        var message = new byte[SmbHeader.Size + request.BodySize];

        request.WriteBody(message.AsSpan(SmbHeader.Size));

        var body = message.AsSpan(SmbHeader.Size);
        var offset = (int)BinaryPrimitives.ReadUInt32LittleEndian(body[28..]);
        var count = BinaryPrimitives.ReadUInt16LittleEndian(body[32..]);
        var types = new List<ushort>();
        var position = offset;
        for (var i = 0; i < count; i++)
        {
            position += (8 - (position & 7)) & 7;
            Assert.That(position % 8, Is.Zero);
            types.Add(BinaryPrimitives.ReadUInt16LittleEndian(message.AsSpan(position)));
            position += 8 + BinaryPrimitives.ReadUInt16LittleEndian(message.AsSpan(position + 2));
        }
        var preauth = message.AsSpan(offset + 8).ToArray();

        Assert.Multiple(() =>
        {
            Assert.That(offset, Is.EqualTo(112), "64 + 36 + 5*2 = 110, aligned to 8");
            Assert.That(types, Is.EqualTo(new ushort[] { 1, 2, 8 }));
            Assert.That(position, Is.EqualTo(message.Length), "the last context ends the message");
            Assert.That(BinaryPrimitives.ReadUInt16LittleEndian(preauth.AsSpan()), Is.EqualTo(1), "one hash");
            Assert.That(BinaryPrimitives.ReadUInt16LittleEndian(preauth.AsSpan(2)), Is.EqualTo(32), "salt length");
            Assert.That(BinaryPrimitives.ReadUInt16LittleEndian(preauth.AsSpan(4)), Is.EqualTo(1), "SHA-512");
            Assert.That(preauth.AsSpan(6, 32).ToArray(), Is.EqualTo(Salt));
        });
    }

    [Test]
    public void Response_311_ReadsSizesAndTheChosenCipherAndSigningAlgorithm()
    {
        var message = Response311(cipher: 2, signing: 2);

        var response = NegotiateResponse.Read(message);

        Assert.Multiple(() =>
        {
            Assert.That(response.DialectRevision, Is.EqualTo(SmbDialect.Smb311));
            Assert.That(response.MaxReadSize, Is.EqualTo(8 * 1024 * 1024));
            Assert.That(response.Cipher, Is.EqualTo(SmbCipher.Aes128Gcm));
            Assert.That(response.SigningAlgorithm, Is.EqualTo(SmbSigningAlgorithm.AesGmac));
            Assert.That(response.PreauthHashAlgorithm, Is.EqualTo(1));
            Assert.That(response.SecurityBuffer, Is.EqualTo(new byte[] { 0x60, 0x01 }));
        });
    }

    [TestCase(60, 4000, TestName = "Response_RejectsAContextOffsetPastTheEnd")]
    [TestCase(58, 999, TestName = "Response_RejectsASecurityBufferPastTheEnd")]
    [TestCase(56, 10, TestName = "Response_RejectsASecurityBufferInsideTheHeader")]
    public void Response_RejectsBadOffsets(int fieldOffsetInBody, int value)
    {
        var message = Response311(cipher: 2, signing: 2);
        var field = message.AsSpan(SmbHeader.Size + fieldOffsetInBody);
        if (fieldOffsetInBody == 60)
        {
            BinaryPrimitives.WriteInt32LittleEndian(field, value);
        }
        else
        {
            BinaryPrimitives.WriteUInt16LittleEndian(field, (ushort)value);
        }

        Assert.That(() => NegotiateResponse.Read(message), Throws.InstanceOf<SmbProtocolException>());
    }

    [Test]
    public void Response_RejectsAContextLengthPastTheEnd()
    {
        var message = Response311(cipher: 2, signing: 2);
        BinaryPrimitives.WriteUInt16LittleEndian(message.AsSpan(136 + 2), 0xFFFF);

        Assert.That(() => NegotiateResponse.Read(message), Throws.InstanceOf<SmbProtocolException>());
    }

    // A 3.1.1 NEGOTIATE response: fixed part, a 2-byte security buffer at 128, contexts from 136.
    internal static byte[] Response311(ushort cipher, ushort signing)
    {
        var message = new byte[136 + 8 + 38 + 2 + 8 + 4 + 4 + 8 + 4];
        new SmbHeader { Command = SmbCommand.Negotiate, Flags = SmbHeaderFlags.ServerToRedir }.Write(message);
        var body = message.AsSpan(SmbHeader.Size);
        BinaryPrimitives.WriteUInt16LittleEndian(body, 65);
        BinaryPrimitives.WriteUInt16LittleEndian(body[2..], 1); // SecurityMode
        BinaryPrimitives.WriteUInt16LittleEndian(body[4..], 0x0311);
        BinaryPrimitives.WriteUInt16LittleEndian(body[6..], 3); // NegotiateContextCount
        BinaryPrimitives.WriteUInt32LittleEndian(body[28..], 8 * 1024 * 1024);
        BinaryPrimitives.WriteUInt32LittleEndian(body[32..], 8 * 1024 * 1024);
        BinaryPrimitives.WriteUInt32LittleEndian(body[36..], 8 * 1024 * 1024);
        BinaryPrimitives.WriteUInt16LittleEndian(body[56..], 128); // SecurityBufferOffset
        BinaryPrimitives.WriteUInt16LittleEndian(body[58..], 2);
        BinaryPrimitives.WriteInt32LittleEndian(body[60..], 136); // NegotiateContextOffset
        message[128] = 0x60;
        message[129] = 0x01;
        var p = 136;
        p = Context(message, p, 1, [1, 0, 32, 0, 1, 0, .. new byte[32]]);
        p = Context(message, p + 2, 2, [1, 0, (byte)cipher, 0]);
        Context(message, p + 4, 8, [1, 0, (byte)signing, 0]);
        return message;
    }

    private static int Context(byte[] message, int position, ushort type, byte[] data)
    {
        BinaryPrimitives.WriteUInt16LittleEndian(message.AsSpan(position), type);
        BinaryPrimitives.WriteUInt16LittleEndian(message.AsSpan(position + 2), (ushort)data.Length);
        data.CopyTo(message, position + 8);
        return position + 8 + data.Length;
    }
}
