using System.Buffers.Binary;
using DokanRedirector.Smb.Crypto;

namespace DokanRedirector.Smb.Tests.Crypto;

public class SmbTransformTests
{
    // "Encryption in SMB 3.0: A protocol perspective" (Microsoft Open Specifications), AES-128-CCM.
    private static readonly byte[] Smb30EncryptionKey = TestHex.Parse("261B72350558F2E9DCF613070383EDBF");
    private static readonly byte[] Smb30DecryptionKey = TestHex.Parse("8FE2B57EC34D2DB5B1A9727F526BBDB5");
    private const ulong Smb30SessionId = 0x8E40014000011;

    // "SMB 3.1.1 Encryption in Windows 10", AES-128-GCM.
    private static readonly byte[] Smb311EncryptionKey = TestHex.Parse("A2F5E80E5D59103034F32E52F698E5EC");
    private static readonly byte[] Smb311DecryptionKey = TestHex.Parse("748C50868C90F302962A5C35F5F9A8BF");
    private const ulong Smb311SessionId = 0x100000000025;

    [Test]
    public void Encrypt_Aes128Ccm_ReproducesMicrosoftsSmb30Example()
    {
        byte[] write = TestHex.Parse(
            "FE534D4240000100000000000900400008000000000000000400000000000000"
            + "FFFE0000010000001100001400E4080000000000000000000000000000000000"
            + "3100700017000000000000000000000015010000390000020100000039020000"
            + "00000000000000007000000000000000536D623320656E6372797074696F6E20"
            + "74657374696E67");
        byte[] expected = TestHex.Parse(
            "FD534D4281A286535415445DAE393921E44FA42E66E69A111892584FB5ED524A"
            + "744DA3EE87000000000001001100001400E4080025C8FEE16605A437832D1CD5"
            + "2DA9F4645333482A175FE5384563F45FCDAFAEF38BC62BA4D5C62897996625A4"
            + "4C29BE5658DE2E6117585779E7B59FFD971278D08580D7FA899E410E910EABF5"
            + "AA1DB43050B33B49182637759AC15D84BFCDF5B6B238993C0F4CF4D6012023F6"
            + "C627297075D84B7803912D0A9639634453595EF3E33FFE4E7AC2AB");
        using var transform = new SmbTransform(SmbCipher.Aes128Ccm, Smb30EncryptionKey, Smb30DecryptionKey, Smb30SessionId);
        var output = new byte[SmbTransform.GetEncryptedLength(write.Length)];
        int written = transform.Encrypt(write, output, TestHex.Parse("66E69A111892584FB5ED524A744DA3EE"));
        Assert.That(written, Is.EqualTo(expected.Length));
        Assert.That(output, Is.EqualTo(expected));
    }

    [Test]
    public void Decrypt_Aes128Ccm_ReproducesMicrosoftsSmb30Example()
    {
        byte[] encrypted = TestHex.Parse(
            "FD534D42A6015530A18F6D9AFFE22AFAE8E66484860000000000000011000014"
            + "00E4080050000000000001001100001400E40800DBF46435C5F14169293CE079"
            + "E344479BF670227E49873F458672C3098DAC467DD5809F369D67409166515787"
            + "1483E01F7BECD02064EAC3E235F913668BBC2F097980D4B378F1993EFF6E60D1"
            + "77309E5B");
        byte[] expected = TestHex.Parse(
            "FE534D4240000100000000000900210009000000000000000400000000000000"
            + "FFFE0000010000001100001400E4080000000000000000000000000000000000"
            + "11000000170000000000000000000000");
        using var transform = new SmbTransform(SmbCipher.Aes128Ccm, Smb30EncryptionKey, Smb30DecryptionKey, Smb30SessionId);
        var plain = new byte[encrypted.Length];
        int length = transform.Decrypt(encrypted, plain);
        Assert.That(plain.AsSpan(0, length).ToArray(), Is.EqualTo(expected));
    }

    [Test]
    public void Encrypt_Aes128Gcm_ReproducesMicrosoftsSmb311Example()
    {
        byte[] write = TestHex.Parse(
            "FE534D4240000100000000000900010008000000000000000500000000000000FFFE000001000000"
            + "25000000001000000000000000000000000000000000000031007000170000000000000000000000"
            + "0600000004000000010000000400000000000000000000007000000000000000536D623320656E63"
            + "72797074696F6E2074657374696E67");
        byte[] expected = TestHex.Parse(
            "FD534D42BD73D97D2BC9001BCAFAC0FDFF5FEEBCC7D6822D269CAF48904C664C0000000087000000"
            + "0000010025000000001000006ECDD2A7AFC7B47763057A041B8FD4DAFFE990B70C9E09D36C084E02"
            + "D14EF247F8BDE38ACF6256F8B1D3B56F77FBDEB312FEA5E92CBCC1ED8FB2EBBFAA75E49A4A394BB4"
            + "4576545567C24D4C014D47C9FBDFDAFD2C4F9B72F8D256452620A299F48E29E53D6B61D1C13A19E9"
            + "1AF013F00D17E3ABC2FC3D36C8C1B6B93973253852DBD442E46EE8");
        using var transform = new SmbTransform(SmbCipher.Aes128Gcm, Smb311EncryptionKey, Smb311DecryptionKey, Smb311SessionId);
        var output = new byte[SmbTransform.GetEncryptedLength(write.Length)];
        transform.Encrypt(write, output, TestHex.Parse("C7D6822D269CAF48904C664C00000000"));
        Assert.That(output, Is.EqualTo(expected));
    }

    [Test]
    public void Decrypt_Aes128Gcm_ReproducesMicrosoftsSmb311Example()
    {
        byte[] encrypted = TestHex.Parse(
            "FD534D42ACBE1CB7ED343ADF1725EF144D90D4B0E06831DD2E8EB7B4000000000000000050000000"
            + "00000100250000000010000026BBBF949983A6C1C796559D0F2C510CB651D1F7B6AC8DED32A2A0B8"
            + "F2D793A815C6F6B848D69767A215841A42D400AE6DDB5F0B44173A014973321FDD7950DA6179159B"
            + "82E03C9E18A050FF0EA1C967");
        byte[] expected = TestHex.Parse(
            "FE534D4240000100000000000900010001000000000000000500000000000000FFFE000001000000"
            + "25000000001000000000000000000000000000000000000011000000170000000000000000000000");
        using var transform = new SmbTransform(SmbCipher.Aes128Gcm, Smb311EncryptionKey, Smb311DecryptionKey, Smb311SessionId);
        var plain = new byte[encrypted.Length];
        int length = transform.Decrypt(encrypted, plain);
        Assert.That(plain.AsSpan(0, length).ToArray(), Is.EqualTo(expected));
    }

    [TestCase(SmbCipher.Aes128Ccm)]
    [TestCase(SmbCipher.Aes128Gcm)]
    [TestCase(SmbCipher.Aes256Ccm)]
    [TestCase(SmbCipher.Aes256Gcm)]
    public void RoundTrip_ClientToServerAndBack_ForEveryCipher(SmbCipher cipher)
    {
        (SmbTransform client, SmbTransform server) = Pair(cipher, sessionId: 77);
        using (client)
        using (server)
        {
            byte[] message = SmbSignerTests.NewRequest(command: 9, messageId: 5, bodyLength: 5000);
            var wire = new byte[SmbTransform.GetEncryptedLength(message.Length)];
            client.Encrypt(message, wire);
            Assert.That(wire.AsSpan(52).ToArray(), Is.Not.EqualTo(message), "the body is encrypted");

            var plain = new byte[message.Length];
            Assert.That(server.Decrypt(wire, plain), Is.EqualTo(message.Length));
            Assert.That(plain, Is.EqualTo(message));
        }
    }

    [TestCase(SmbCipher.Aes128Ccm)]
    [TestCase(SmbCipher.Aes128Gcm)]
    [TestCase(SmbCipher.Aes256Ccm)]
    [TestCase(SmbCipher.Aes256Gcm)]
    public void EncryptAndDecrypt_InPlace_BehindA52ByteGap_GiveTheSameBytes(SmbCipher cipher)
    {
        (SmbTransform client, SmbTransform server) = Pair(cipher, sessionId: 3);
        using (client)
        using (server)
        {
            byte[] message = SmbSignerTests.NewRequest(command: 9, messageId: 5, bodyLength: 777);
            var buffer = new byte[SmbTransform.HeaderSize + message.Length];
            message.CopyTo(buffer, SmbTransform.HeaderSize);
            client.Encrypt(buffer.AsSpan(SmbTransform.HeaderSize), buffer);

            var copy = new byte[message.Length];
            server.Decrypt(buffer, copy);
            Assert.That(copy, Is.EqualTo(message), "in-place encryption is correct");

            int length = server.Decrypt(buffer, buffer.AsSpan(SmbTransform.HeaderSize));
            Assert.That(buffer.AsSpan(SmbTransform.HeaderSize, length).ToArray(), Is.EqualTo(message), "in-place decryption");
        }
    }

    [TestCase(SmbCipher.Aes128Ccm, 11)]
    [TestCase(SmbCipher.Aes256Gcm, 12)]
    public void Encrypt_NoncesNeverRepeat_AndUnusedNonceBytesAreZero(SmbCipher cipher, int nonceLength)
    {
        using var transform = new SmbTransform(cipher, new byte[cipher.KeySize()], new byte[cipher.KeySize()], 1);
        byte[] message = SmbSignerTests.NewRequest(command: 8, messageId: 1, bodyLength: 0);
        var seen = new HashSet<string>();
        var wire = new byte[SmbTransform.GetEncryptedLength(message.Length)];
        for (int i = 0; i < 1000; i++)
        {
            transform.Encrypt(message, wire);
            Assert.That(seen.Add(TestHex.Of(wire.AsSpan(20, 16))), Is.True, "nonce reused");
            Assert.That(wire.AsSpan(20 + nonceLength, 16 - nonceLength).ToArray(), Is.All.EqualTo((byte)0));
        }
    }

    [Test]
    public void Decrypt_AnyFlippedBit_IsAProtocolError()
    {
        (SmbTransform client, SmbTransform server) = Pair(SmbCipher.Aes128Gcm, sessionId: 5);
        using (client)
        using (server)
        {
            byte[] message = SmbSignerTests.NewRequest(command: 8, messageId: 2, bodyLength: 40);
            var wire = new byte[SmbTransform.GetEncryptedLength(message.Length)];
            client.Encrypt(message, wire);
            var plain = new byte[wire.Length];
            for (int bit = 0; bit < wire.Length * 8; bit += 3)
            {
                byte[] tampered = (byte[])wire.Clone();
                tampered[bit / 8] ^= (byte)(1 << (bit % 8));
                Assert.That(() => server.Decrypt(tampered, plain), Throws.TypeOf<SmbProtocolException>(), $"bit {bit}");
            }
        }
    }

    [Test]
    public void Decrypt_RejectsBadFramesWithAProtocolErrorThatSaysWhy()
    {
        (SmbTransform client, SmbTransform server) = Pair(SmbCipher.Aes128Ccm, sessionId: 9);
        using (client)
        using (server)
        {
            byte[] message = SmbSignerTests.NewRequest(command: 8, messageId: 2, bodyLength: 40);
            var wire = new byte[SmbTransform.GetEncryptedLength(message.Length)];
            client.Encrypt(message, wire);
            var plain = new byte[wire.Length];

            byte[] otherSession = (byte[])wire.Clone();
            BinaryPrimitives.WriteUInt64LittleEndian(otherSession.AsSpan(44), 10);
            byte[] wrongSize = (byte[])wire.Clone();
            BinaryPrimitives.WriteUInt32LittleEndian(wrongSize.AsSpan(36), 41);
            byte[] badFlags = (byte[])wire.Clone();
            badFlags[42] = 2;
            byte[] smb2 = (byte[])wire.Clone();
            smb2[0] = 0xFE;

            Assert.Multiple(() =>
            {
                Assert.That(() => server.Decrypt(wire.AsSpan(0, 51), plain), Throws.TypeOf<SmbProtocolException>().With.Message.Contains("52-byte"));
                Assert.That(() => server.Decrypt(otherSession, plain), Throws.TypeOf<SmbProtocolException>().With.Message.Contains("session 0xA"));
                Assert.That(() => server.Decrypt(wrongSize, plain), Throws.TypeOf<SmbProtocolException>().With.Message.Contains("OriginalMessageSize"));
                Assert.That(() => server.Decrypt(wire.AsSpan(0, wire.Length - 1), plain), Throws.TypeOf<SmbProtocolException>().With.Message.Contains("OriginalMessageSize"));
                Assert.That(() => server.Decrypt(badFlags, plain), Throws.TypeOf<SmbProtocolException>().With.Message.Contains("Flags"));
                Assert.That(() => server.Decrypt(smb2, plain), Throws.TypeOf<SmbProtocolException>().With.Message.Contains("ProtocolId"));
                Assert.That(() => server.Decrypt(wire, new byte[10]), Throws.ArgumentException);
            });
        }
    }

    [Test]
    public void TryReadSessionId_FindsTheSessionOfATransformMessageOnly()
    {
        using var transform = new SmbTransform(SmbCipher.Aes128Gcm, new byte[16], new byte[16], 0x1234);
        byte[] message = SmbSignerTests.NewRequest(command: 8, messageId: 1, bodyLength: 4);
        var wire = new byte[SmbTransform.GetEncryptedLength(message.Length)];
        transform.Encrypt(message, wire);
        Assert.Multiple(() =>
        {
            Assert.That(SmbTransform.TryReadSessionId(wire, out ulong id), Is.True);
            Assert.That(id, Is.EqualTo(0x1234));
            Assert.That(SmbTransform.TryReadSessionId(message, out _), Is.False);
            Assert.That(SmbTransform.TryReadSessionId(wire.AsSpan(0, 20), out _), Is.False);
        });
    }

    [Test]
    public void Constructor_RejectsNoCipherAndWrongKeySizes()
    {
        Assert.Multiple(() =>
        {
            Assert.That(() => new SmbTransform(SmbCipher.None, [], [], 1), Throws.ArgumentException);
            Assert.That(() => new SmbTransform(SmbCipher.Aes256Gcm, new byte[16], new byte[16], 1), Throws.ArgumentException);
        });
    }

    private static (SmbTransform Client, SmbTransform Server) Pair(SmbCipher cipher, ulong sessionId)
    {
        byte[] c2s = Enumerable.Range(0, cipher.KeySize()).Select(i => (byte)i).ToArray();
        byte[] s2c = Enumerable.Range(0, cipher.KeySize()).Select(i => (byte)(200 - i)).ToArray();
        return (new SmbTransform(cipher, c2s, s2c, sessionId), new SmbTransform(cipher, s2c, c2s, sessionId));
    }
}
