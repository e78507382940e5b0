using System.Text;
using DokanRedirector.Smb.Crypto;

namespace DokanRedirector.Smb.Tests.Crypto;

public class Md4Tests
{
    // RFC 1320 A.5, the whole test suite.
    [TestCase("", "31d6cfe0d16ae931b73c59d7e0c089c0")]
    [TestCase("a", "bde52cb31de33e46245e05fbdbd6fb24")]
    [TestCase("abc", "a448017aaf21d8525fc10ae87aa6729d")]
    [TestCase("message digest", "d9130a8164549fe818874806e1c7014b")]
    [TestCase("abcdefghijklmnopqrstuvwxyz", "d79e1c308aa5bbcdeea8ed63df412da9")]
    [TestCase("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", "043f8582f241db351ce627e153e7f0e4")]
    [TestCase("12345678901234567890123456789012345678901234567890123456789012345678901234567890", "e33b4ddc9c38f2199c3e7b164fcc0536")]
    public void HashData_MatchesRfc1320TestSuite(string message, string expected)
    {
        Assert.That(Md4.HashData(Encoding.ASCII.GetBytes(message)), Is.EqualTo(TestHex.Parse(expected)));
    }

    [Test]
    public void HashData_OfUtf16Password_IsTheNtHashOfMsNlmp()
    {
        // MS-NLMP 4.2.2.1.2 / 4.2.4.1.1: NTOWFv1("Password").
        Assert.That(Md4.HashData(Encoding.Unicode.GetBytes("Password")), Is.EqualTo(TestHex.Parse("a4f49c406510bdcab6824ee7c30fd852")));
    }

    [TestCase(55)]
    [TestCase(56)]
    [TestCase(63)]
    [TestCase(64)]
    [TestCase(65)]
    [TestCase(119)]
    [TestCase(120)]
    public void HashData_AroundPaddingBoundaries_AgreesWithBytewiseSplitsOfTheSameMessage(int length)
    {
        // 55/56 bytes switch between one and two padding blocks; the hash must depend only on content.
        byte[] a = Enumerable.Range(0, length).Select(i => (byte)i).ToArray();
        byte[] b = (byte[])a.Clone();
        Assert.That(Md4.HashData(a), Is.EqualTo(Md4.HashData(b)));
        b[^1] ^= 1;
        Assert.That(Md4.HashData(a), Is.Not.EqualTo(Md4.HashData(b)));
    }

    [Test]
    public void HashData_RejectsShortDestination()
    {
        Assert.That(() => Md4.HashData([1, 2, 3], new byte[15]), Throws.ArgumentException);
    }
}
