using DokanRedirector.Smb.Crypto;

namespace DokanRedirector.Smb.Tests.Crypto;

public class Rc4Tests
{
    // RFC 6229 section 2: key stream (encryption of zeros) at the given offsets.
    [TestCase("0102030405", 0, "b2 39 63 05 f0 3d c0 27 cc c3 52 4a 0a 11 18 a8")]
    [TestCase("0102030405", 16, "69 82 94 4f 18 fc 82 d5 89 c4 03 a4 7a 0d 09 19")]
    [TestCase("0102030405", 240, "28 cb 11 32 c9 6c e2 86 42 1d ca ad b8 b6 9e ae")]
    [TestCase("0102030405", 256, "1c fc f6 2b 03 ed db 64 1d 77 df cf 7f 8d 8c 93")]
    [TestCase("0102030405", 1024, "30 ab bc c7 c2 0b 01 60 9f 23 ee 2d 5f 6b b7 df")]
    [TestCase("0102030405", 3072, "ec 0e 11 c4 79 dc 32 9d c8 da 79 68 fe 96 56 81")]
    [TestCase("01020304050607", 0, "29 3f 02 d4 7f 37 c9 b6 33 f2 af 52 85 fe b4 6b")]
    [TestCase("01020304050607", 16, "e6 20 f1 39 0d 19 bd 84 e2 e0 fd 75 20 31 af c1")]
    [TestCase("0102030405060708", 0, "97 ab 8a 1b f0 af b9 61 32 f2 f6 72 58 da 15 a8")]
    [TestCase("0102030405060708090a0b0c0d0e0f10", 0, "9a c7 cc 9a 60 9d 1e f7 b2 93 28 99 cd e4 1b 97")]
    [TestCase("0102030405060708090a0b0c0d0e0f10", 16, "52 48 c4 95 90 14 12 6a 6e 8a 84 f1 1d 1a 9e 1c")]
    public void KeyStream_MatchesRfc6229(string key, int offset, string expected)
    {
        var zeros = new byte[offset + 16];
        var output = new byte[zeros.Length];
        Rc4.Transform(TestHex.Parse(key), zeros, output);
        Assert.That(output.AsSpan(offset).ToArray(), Is.EqualTo(TestHex.Parse(expected)));
    }

    [Test]
    public void Transform_ContinuesTheStreamAcrossCalls_LikeOneCall()
    {
        byte[] key = TestHex.Parse("0102030405");
        var data = Enumerable.Range(0, 300).Select(i => (byte)(i * 7)).ToArray();
        var once = new byte[data.Length];
        Rc4.Transform(key, data, once);

        using var rc4 = new Rc4(key);
        var pieces = (byte[])data.Clone();
        rc4.Transform(pieces.AsSpan(0, 1));
        rc4.Transform(pieces.AsSpan(1, 200));
        rc4.Transform(pieces.AsSpan(201));
        Assert.That(pieces, Is.EqualTo(once));
    }

    [Test]
    public void Transform_Twice_WithTheSameKey_RestoresThePlaintext()
    {
        byte[] key = [9, 8, 7];
        byte[] plain = "attack at dawn"u8.ToArray();
        var cipher = new byte[plain.Length];
        var back = new byte[plain.Length];
        Rc4.Transform(key, plain, cipher);
        Rc4.Transform(key, cipher, back);
        Assert.That(back, Is.EqualTo(plain));
    }

    [Test]
    public void Constructor_RejectsEmptyAndOversizedKeys()
    {
        Assert.Multiple(() =>
        {
            Assert.That(() => new Rc4([]), Throws.ArgumentException);
            Assert.That(() => new Rc4(new byte[257]), Throws.ArgumentException);
        });
    }

    [Test]
    public void Transform_AfterDispose_Throws()
    {
        var rc4 = new Rc4([1]);
        rc4.Dispose();
        Assert.That(() => rc4.Transform(new byte[1]), Throws.TypeOf<ObjectDisposedException>());
    }
}
