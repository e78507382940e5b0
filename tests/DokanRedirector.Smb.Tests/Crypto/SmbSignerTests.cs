using System.Buffers.Binary;
using System.Security.Cryptography;
using DokanRedirector.Smb.Crypto;

namespace DokanRedirector.Smb.Tests.Crypto;

public class SmbSignerTests
{
    [Test]
    public void AesCmac_VerifiesTheSignedFinalSessionSetupResponseOfMicrosoftsSmb311Example()
    {
        using SmbSigner signer = SmbSigner.Create(SmbSigningAlgorithm.AesCmac, Smb311BlogVectors.SigningKey);
        byte[] message = (byte[])Smb311BlogVectors.SessionSetupResponse2.Clone();
        Assert.That(signer.Verify(message), Is.True);
        Assert.That(message, Is.EqualTo(Smb311BlogVectors.SessionSetupResponse2), "Verify leaves the message as it was");
    }

    [Test]
    public void AesCmac_VerifiesTheSecondChannelResponseOfMicrosoftsSmb311Example()
    {
        byte[] message = TestHex.Parse(
            "FE534D4240000100000000000100800009000000000000000300000000000000FFFE000000000000"
            + "19000000001000008D604217FFBACF40635BF9D8729921500900000048001D00A11B3019A0030A01"
            + "00A312041001000000CFB046FC5D368E2200000000");
        using SmbSigner signer = SmbSigner.Create(SmbSigningAlgorithm.AesCmac, TestHex.Parse("C962BCA1A9DD1697B030644199705431"));
        Assert.That(signer.Verify(message), Is.True);
    }

    [Test]
    public void AesCmac_Sign_ReproducesTheSignatureWindowsComputed()
    {
        byte[] message = (byte[])Smb311BlogVectors.SessionSetupResponse2.Clone();
        message.AsSpan(48, 16).Clear();
        using SmbSigner signer = SmbSigner.Create(SmbSigningAlgorithm.AesCmac, Smb311BlogVectors.SigningKey);
        signer.Sign(message);
        Assert.That(message, Is.EqualTo(Smb311BlogVectors.SessionSetupResponse2));
    }

    [Test]
    public void HmacSha256_SignatureIsTheFirst16BytesOfHmacOverTheMessageWithZeroSignature()
    {
        byte[] key = TestHex.Parse("000102030405060708090A0B0C0D0E0F");
        byte[] message = NewRequest(command: 5, messageId: 7, bodyLength: 40);
        using SmbSigner signer = SmbSigner.Create(SmbSigningAlgorithm.HmacSha256, key);
        signer.Sign(message);

        byte[] expectedInput = (byte[])message.Clone();
        expectedInput.AsSpan(48, 16).Clear();
        byte[] expected = HMACSHA256.HashData(key, expectedInput).AsSpan(0, 16).ToArray();
        Assert.Multiple(() =>
        {
            Assert.That(message.AsSpan(48, 16).ToArray(), Is.EqualTo(expected));
            Assert.That(BinaryPrimitives.ReadUInt32LittleEndian(message.AsSpan(16)) & 0x8, Is.EqualTo(0x8u), "SMB2_FLAGS_SIGNED");
        });
    }

    [TestCase(false, (ushort)5, 0u)]
    [TestCase(true, (ushort)5, 1u)]
    [TestCase(false, (ushort)0x000C, 2u)]
    public void AesGmac_IsAes128GcmTagOverTheMessage_WithMessageIdRoleAndCancelInTheNonce(bool fromServer, ushort command, uint nonceWord)
    {
        byte[] key = TestHex.Parse("0F0E0D0C0B0A09080706050403020100");
        byte[] message = NewRequest(command, messageId: 0x1122334455667788, bodyLength: 33);
        if (fromServer)
        {
            message[16] |= 0x01; // SMB2_FLAGS_SERVER_TO_REDIR
        }

        using SmbSigner signer = SmbSigner.Create(SmbSigningAlgorithm.AesGmac, key);
        signer.Sign(message);

        // MS-SMB2 3.1.4.1: MessageId (8 bytes LE), then a 32-bit word: bit 0 role (server = 1), bit 1 CANCEL.
        byte[] nonce = new byte[12];
        BinaryPrimitives.WriteUInt64LittleEndian(nonce, 0x1122334455667788);
        BinaryPrimitives.WriteUInt32LittleEndian(nonce.AsSpan(8), nonceWord);
        byte[] zeroed = (byte[])message.Clone();
        zeroed.AsSpan(48, 16).Clear();
        byte[] tag = new byte[16];
        using (var gcm = new AesGcm(key, 16))
        {
            gcm.Encrypt(nonce, ReadOnlySpan<byte>.Empty, Span<byte>.Empty, tag, zeroed);
        }

        Assert.Multiple(() =>
        {
            Assert.That(message.AsSpan(48, 16).ToArray(), Is.EqualTo(tag));
            Assert.That(signer.Verify(message), Is.True);
        });
    }

    [Test]
    public void AesGmac_SameMessageFromClientAndServer_HasDifferentSignatures()
    {
        byte[] key = new byte[16];
        byte[] request = NewRequest(command: 8, messageId: 3, bodyLength: 10);
        byte[] response = (byte[])request.Clone();
        response[16] |= 0x01;
        using SmbSigner signer = SmbSigner.Create(SmbSigningAlgorithm.AesGmac, key);
        signer.Sign(request);
        signer.Sign(response);
        Assert.That(request.AsSpan(48, 16).ToArray(), Is.Not.EqualTo(response.AsSpan(48, 16).ToArray()));
    }

    [TestCase(SmbSigningAlgorithm.HmacSha256)]
    [TestCase(SmbSigningAlgorithm.AesCmac)]
    [TestCase(SmbSigningAlgorithm.AesGmac)]
    public void Verify_RejectsAnyFlippedBit_AndRestoresTheSignature(SmbSigningAlgorithm algorithm)
    {
        byte[] key = Enumerable.Range(0, 16).Select(i => (byte)(i * 3)).ToArray();
        byte[] signed = NewRequest(command: 9, messageId: 42, bodyLength: 50);
        using SmbSigner signer = SmbSigner.Create(algorithm, key);
        signer.Sign(signed);
        Assert.That(signer.Verify(signed), Is.True);

        for (int bit = 0; bit < signed.Length * 8; bit += 7)
        {
            byte[] tampered = (byte[])signed.Clone();
            tampered[bit / 8] ^= (byte)(1 << (bit % 8));
            byte[] before = (byte[])tampered.Clone();
            Assert.That(signer.Verify(tampered), Is.False, $"bit {bit}");
            Assert.That(tampered, Is.EqualTo(before), $"bit {bit}: the buffer is restored");
        }
    }

    [TestCase(SmbSigningAlgorithm.AesCmac)]
    [TestCase(SmbSigningAlgorithm.AesGmac)]
    public void Verify_WithAnotherKey_Fails(SmbSigningAlgorithm algorithm)
    {
        byte[] message = NewRequest(command: 1, messageId: 1, bodyLength: 20);
        using (SmbSigner signer = SmbSigner.Create(algorithm, new byte[16]))
        {
            signer.Sign(message);
        }

        byte[] otherKey = new byte[16];
        otherKey[0] = 1;
        using SmbSigner other = SmbSigner.Create(algorithm, otherKey);
        Assert.That(other.Verify(message), Is.False);
    }

    [Test]
    public void Verify_ShortOrNonSmb2Message_IsFalse_AndSign_Throws()
    {
        using SmbSigner signer = SmbSigner.Create(SmbSigningAlgorithm.AesCmac, new byte[16]);
        byte[] notSmb2 = NewRequest(command: 1, messageId: 1, bodyLength: 0);
        notSmb2[0] = 0xFF;
        Assert.Multiple(() =>
        {
            Assert.That(signer.Verify(new byte[63]), Is.False);
            Assert.That(signer.Verify(notSmb2), Is.False);
            Assert.That(() => signer.Sign(new byte[63]), Throws.ArgumentException);
        });
    }

    [Test]
    public void Signers_AreSafeToShareAcrossThreads()
    {
        using SmbSigner signer = SmbSigner.Create(SmbSigningAlgorithm.AesCmac, new byte[16]);
        int verified = 0;
        Parallel.For(0, 2000, i =>
        {
            byte[] message = NewRequest(command: 8, messageId: (ulong)i, bodyLength: i % 300);
            signer.Sign(message);
            if (signer.Verify(message))
            {
                Interlocked.Increment(ref verified);
            }
        });
        Assert.That(verified, Is.EqualTo(2000), "every message signed on one thread verifies");
    }

    [Test]
    public void Create_RejectsWrongKeyLengths()
    {
        Assert.Multiple(() =>
        {
            Assert.That(() => SmbSigner.Create(SmbSigningAlgorithm.AesCmac, new byte[32]), Throws.ArgumentException);
            Assert.That(() => SmbSigner.Create(SmbSigningAlgorithm.AesGmac, new byte[15]), Throws.ArgumentException);
            Assert.That(() => SmbSigner.Create(SmbSigningAlgorithm.HmacSha256, []), Throws.ArgumentException);
        });
    }

    internal static byte[] NewRequest(ushort command, ulong messageId, int bodyLength)
    {
        var message = new byte[64 + bodyLength];
        message[0] = 0xFE;
        message[1] = (byte)'S';
        message[2] = (byte)'M';
        message[3] = (byte)'B';
        BinaryPrimitives.WriteUInt16LittleEndian(message.AsSpan(4), 64);
        BinaryPrimitives.WriteUInt16LittleEndian(message.AsSpan(12), command);
        BinaryPrimitives.WriteUInt64LittleEndian(message.AsSpan(24), messageId);
        BinaryPrimitives.WriteUInt64LittleEndian(message.AsSpan(40), 0x0000100000000019);
        for (int i = 64; i < message.Length; i++)
        {
            message[i] = (byte)(i * 13);
        }

        return message;
    }
}
