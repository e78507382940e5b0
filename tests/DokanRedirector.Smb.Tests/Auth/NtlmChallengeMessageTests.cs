using System.Buffers.Binary;
using DokanRedirector.Smb.Auth;
using DokanRedirector.Smb.Tests.Crypto;

namespace DokanRedirector.Smb.Tests.Auth;

public class NtlmChallengeMessageTests
{
    [Test]
    public void Parse_WindowsServerChallenge_ReadsFlagsChallengeTargetAndTimestamp()
    {
        NtlmChallengeMessage c = NtlmChallengeMessage.Parse(WindowsExchange.Challenge);
        Assert.Multiple(() =>
        {
            Assert.That((uint)c.Flags, Is.EqualTo(0xE28A8215));
            Assert.That(c.ServerChallenge, Is.EqualTo(TestHex.Parse("0D1D8BA31179D008")));
            Assert.That(c.TargetName, Is.EqualTo("SUT311"));
            Assert.That(c.AvPairs.Select(p => p.Id), Is.EqualTo(new[]
            {
                NtlmAvId.NbDomainName, NtlmAvId.NbComputerName, NtlmAvId.DnsDomainName, NtlmAvId.DnsComputerName, NtlmAvId.Timestamp,
            }));
            Assert.That(c.Timestamp, Is.EqualTo(BinaryPrimitives.ReadInt64LittleEndian(TestHex.Parse("A1A1F5ADCBAED001"))));
        });
    }

    [Test]
    public void Parse_SpecChallengeWithoutTimestamp_HasNoTimestamp()
    {
        NtlmChallengeMessage c = NtlmChallengeMessage.Parse(NtlmTestMessages.SpecChallenge());
        Assert.Multiple(() =>
        {
            Assert.That(c.Timestamp, Is.Null);
            Assert.That(c.AvPairs, Has.Count.EqualTo(2));
            Assert.That(c.TargetName, Is.EqualTo("Server"));
        });
    }

    [Test]
    public void Parse_AcceptsAChallengeWithoutVersionOrTargetInfo()
    {
        byte[] c = NtlmTestMessages.Challenge(NtlmTestMessages.SpecFlags, new byte[8], "", []).AsSpan(0, 48).ToArray();
        Assert.That(NtlmChallengeMessage.Parse(c).AvPairs, Is.Empty);
    }

    [TestCase(0, "NTLMSSP")]
    [TestCase(8, "MessageType")]
    public void Parse_WrongSignatureOrType_IsMalformed(int at, string what)
    {
        byte[] c = NtlmTestMessages.SpecChallenge();
        c[at] ^= 0x01;
        Assert.That(() => NtlmChallengeMessage.Parse(c),
            Throws.TypeOf<SmbProtocolException>().With.Message.StartsWith("malformed NTLM challenge").And.Message.Contains(what));
    }

    [Test]
    public void Parse_FieldsPointingOutsideTheMessage_AreMalformed()
    {
        byte[] c = NtlmTestMessages.SpecChallenge();
        byte[] offsetPastEnd = (byte[])c.Clone();
        BinaryPrimitives.WriteUInt32LittleEndian(offsetPastEnd.AsSpan(44), 0xFFFFFFF0);
        byte[] lengthPastEnd = (byte[])c.Clone();
        BinaryPrimitives.WriteUInt16LittleEndian(lengthPastEnd.AsSpan(40), 0xFFFF);
        byte[] offsetIntoHeader = (byte[])c.Clone();
        BinaryPrimitives.WriteUInt32LittleEndian(offsetIntoHeader.AsSpan(16), 4);
        Assert.Multiple(() =>
        {
            Assert.That(() => NtlmChallengeMessage.Parse(offsetPastEnd), Throws.TypeOf<SmbProtocolException>().With.Message.Contains("TargetInfo"));
            Assert.That(() => NtlmChallengeMessage.Parse(lengthPastEnd), Throws.TypeOf<SmbProtocolException>().With.Message.Contains("TargetInfo"));
            Assert.That(() => NtlmChallengeMessage.Parse(offsetIntoHeader), Throws.TypeOf<SmbProtocolException>().With.Message.Contains("TargetName"));
            Assert.That(() => NtlmChallengeMessage.Parse(c.AsSpan(0, 47)), Throws.TypeOf<SmbProtocolException>().With.Message.Contains("shorter"));
        });
    }

    [Test]
    public void Parse_AvPairsOverrunningTargetInfoOrMissingEol_AreMalformed()
    {
        byte[] overrun = NtlmTestMessages.Challenge(NtlmTestMessages.SpecFlags, new byte[8], "S",
            [.. NtlmTestMessages.AvPair(1, [1, 0]).Take(2), 0xFF, 0x00, 1, 0]);
        byte[] noEol = NtlmTestMessages.Challenge(NtlmTestMessages.SpecFlags, new byte[8], "S", NtlmTestMessages.AvPair(1, [1, 0]));
        byte[] shortTimestamp = NtlmTestMessages.Challenge(NtlmTestMessages.SpecFlags, new byte[8], "S",
            NtlmTestMessages.AvPairs(NtlmTestMessages.AvPair(7, [1, 2, 3])));
        Assert.Multiple(() =>
        {
            Assert.That(() => NtlmChallengeMessage.Parse(overrun), Throws.TypeOf<SmbProtocolException>().With.Message.Contains("runs past"));
            Assert.That(() => NtlmChallengeMessage.Parse(noEol), Throws.TypeOf<SmbProtocolException>().With.Message.Contains("MsvAvEOL"));
            Assert.That(() => NtlmChallengeMessage.Parse(shortTimestamp), Throws.TypeOf<SmbProtocolException>().With.Message.Contains("MsvAvTimestamp"));
        });
    }

    [Test]
    public void Parse_ThousandsOfRandomMutations_OnlyEverThrowsMalformedNtlmChallenge()
    {
        var random = new Random(20240601);
        byte[][] seeds = [WindowsExchange.Challenge, NtlmTestMessages.SpecChallenge()];
        int parsed = 0, rejected = 0;
        for (int i = 0; i < 20000; i++)
        {
            byte[] m = Mutate(seeds[i % seeds.Length], random);
            try
            {
                NtlmChallengeMessage.Parse(m);
                parsed++;
            }
            catch (SmbProtocolException ex) when (ex.Message.StartsWith("malformed NTLM challenge", StringComparison.Ordinal))
            {
                rejected++;
            }
        }

        // Both outcomes must actually occur, or the mutations are not exercising the parser.
        Assert.That(parsed, Is.GreaterThan(1000));
        Assert.That(rejected, Is.GreaterThan(1000));
    }

    /// <summary>Bit flips, random bytes, random 16/32-bit values in the length/offset fields, truncation, extension.</summary>
    internal static byte[] Mutate(byte[] seed, Random random)
    {
        byte[] m = (byte[])seed.Clone();
        int edits = 1 + random.Next(4);
        for (int e = 0; e < edits; e++)
        {
            switch (random.Next(6))
            {
                case 0:
                    m[random.Next(m.Length)] ^= (byte)(1 << random.Next(8));
                    break;
                case 1:
                    m[random.Next(m.Length)] = (byte)random.Next(256);
                    break;
                case 2:
                    {
                        // A length or offset of the header's security buffers (12, 40) or of an AV pair.
                        int[] spots = [12, 14, 16, 40, 42, 44, random.Next(Math.Max(1, m.Length - 4))];
                        int at = spots[random.Next(spots.Length)];
                        if (at + 4 <= m.Length)
                        {
                            uint value = random.Next(3) switch { 0 => (uint)random.Next(), 1 => (uint)random.Next(0, 300), _ => uint.MaxValue - (uint)random.Next(16) };
                            BinaryPrimitives.WriteUInt32LittleEndian(m.AsSpan(at), value);
                        }

                        break;
                    }

                case 3:
                    m = m.AsSpan(0, random.Next(m.Length)).ToArray();
                    if (m.Length == 0)
                    {
                        return m;
                    }

                    break;
                case 4:
                    {
                        var extra = new byte[random.Next(1, 64)];
                        random.NextBytes(extra);
                        m = [.. m, .. extra];
                        break;
                    }

                default:
                    break;
            }
        }

        return m;
    }
}
