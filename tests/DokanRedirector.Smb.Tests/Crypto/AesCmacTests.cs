using DokanRedirector.Smb.Crypto;

namespace DokanRedirector.Smb.Tests.Crypto;

public class AesCmacTests
{
    private static readonly byte[] Key = TestHex.Parse("2b7e1516 28aed2a6 abf71588 09cf4f3c");

    private static readonly byte[] Message = TestHex.Parse(
        "6bc1bee2 2e409f96 e93d7e11 7393172a ae2d8a57 1e03ac9c 9eb76fac 45af8e51"
        + "30c81c46 a35ce411 e5fbc119 1a0a52ef f69f2445 df4f9b17 ad2b417b e66c3710");

    // RFC 4493 section 4, all four examples.
    [TestCase(0, "bb1d6929 e9593728 7fa37d12 9b756746")]
    [TestCase(16, "070a16b4 6b4d4144 f79bdd9d d04a287c")]
    [TestCase(40, "dfa66747 de9ae630 30ca3261 1497c827")]
    [TestCase(64, "51f0bebf 7e3b9d92 fc497417 79363cfe")]
    public void Tag_MatchesRfc4493Examples(int length, string expected)
    {
        var tag = new byte[16];
        AesCmac.HashData(Key, Message.AsSpan(0, length), tag);
        Assert.That(tag, Is.EqualTo(TestHex.Parse(expected)));
    }

    [TestCase(0)]
    [TestCase(16)]
    [TestCase(40)]
    [TestCase(64)]
    public void AppendData_InEverySplit_GivesTheOneShotTag(int length)
    {
        var expected = new byte[16];
        AesCmac.HashData(Key, Message.AsSpan(0, length), expected);
        using var cmac = new AesCmac(Key);
        for (int split = 0; split <= length; split++)
        {
            cmac.AppendData(Message.AsSpan(0, split));
            cmac.AppendData(Message.AsSpan(split, length - split));
            Assert.That(cmac.GetTag(), Is.EqualTo(expected), $"split at {split}");
        }
    }

    [Test]
    public void AppendData_ByteByByte_OverALargeMessage_MatchesBulkAppend()
    {
        // Large enough to cross several 4 KiB CBC chunks, and not a multiple of 16.
        var data = new byte[3 * 4096 + 37];
        new Random(4493).NextBytes(data);
        using var cmac = new AesCmac(Key);
        cmac.AppendData(data);
        byte[] bulk = cmac.GetTag();
        foreach (byte b in data)
        {
            cmac.AppendData([b]);
        }

        Assert.That(cmac.GetTag(), Is.EqualTo(bulk));
    }

    [Test]
    public void GetTag_ResetsForTheNextMessage()
    {
        using var cmac = new AesCmac(Key);
        cmac.AppendData(Message.AsSpan(0, 40));
        cmac.GetTag();
        cmac.AppendData(Message.AsSpan(0, 16));
        Assert.That(cmac.GetTag(), Is.EqualTo(TestHex.Parse("070a16b46b4d4144f79bdd9dd04a287c")));
    }

    [Test]
    public void Reset_DiscardsAppendedData()
    {
        using var cmac = new AesCmac(Key);
        cmac.AppendData(Message);
        cmac.Reset();
        Assert.That(cmac.GetTag(), Is.EqualTo(TestHex.Parse("bb1d6929e95937287fa37d129b756746")));
    }

    [Test]
    public void Constructor_RejectsNonAesKeyLengths()
    {
        Assert.That(() => new AesCmac(new byte[15]), Throws.ArgumentException);
    }

    [Test]
    public void AppendData_AfterDispose_Throws()
    {
        var cmac = new AesCmac(Key);
        cmac.Dispose();
        Assert.That(() => cmac.AppendData([1]), Throws.TypeOf<ObjectDisposedException>());
    }
}
