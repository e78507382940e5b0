using System.Buffers.Binary;
using DokanRedirector.Smb.Messages;
using DokanRedirector.Smb.Tests.Crypto;
using DokanRedirector.Smb.Tests.Info;
using static DokanRedirector.Smb.Tests.Messages.FileMessages;

namespace DokanRedirector.Smb.Tests.Messages;

/// <summary>
/// Every file-command response parser, fed thousands of mutated and truncated valid responses: each either
/// parses (and its buffers can be sliced) or throws <see cref="SmbProtocolException"/>; nothing else escapes.
/// </summary>
public class FileResponseFuzzTests
{
    private const int Runs = 5000;

    /// <summary>A parser, a valid response it reads, and the body offsets of its length and offset fields.</summary>
    public sealed record Case(string Name, byte[] Seed, int[] Fields, Action<byte[]> Parse)
    {
        public override string ToString() => Name;
    }

    public static IEnumerable<Case> Cases()
    {
        yield return new("CREATE", CreateResponseWithContexts(), [80, 84, 88, 92, 94, 98, 100, 120, 124, 130, 132], m => CreateResponse.Read(m));
        yield return new("CLOSE", Response(SmbCommand.Close, "3C00 0100 00000000" + TestHex.Of(NetworkOpenInfo())), [2], m => CloseResponse.Read(m));
        yield return new("READ", Response(SmbCommand.Read, "1100 50 00 05000000 00000000 00000000 68656C6C6F"), [2, 4], m =>
        {
            var response = ReadResponse.Read(m);
            _ = response.Data(m).Length;
        });
        yield return new("WRITE", Response(SmbCommand.Write, "1100 0000 05000000 00000000 0000 0000"), [4], m => WriteResponse.Read(m));
        yield return new("QUERY_DIRECTORY", Response(SmbCommand.QueryDirectory, "0900 4800 08000000 0102030405060708"), [2, 4], m =>
        {
            var response = OutputBufferResponse.Read(m, SmbCommand.QueryDirectory);
            _ = response.Output(m).Length;
        });
        var notifications = FsccBuffers.NotifyChain(
            FsccBuffers.Notify(NtNotifyAction.Added, "a.txt"), FsccBuffers.Notify(NtNotifyAction.Removed, "b"));
        yield return new("CHANGE_NOTIFY", Response(SmbCommand.ChangeNotify, "0900 4800" + TestHex.Of(BitConverter.GetBytes(notifications.Length)) + TestHex.Of(notifications)),
            [2, 4, 8, 16, 32, 40], m => FileNotifyInformation.ReadAll(OutputBufferResponse.Read(m, SmbCommand.ChangeNotify).Output(m)));
        yield return new("SET_INFO", Response(SmbCommand.SetInfo, "0200"), [0], m => SetInfoRequest.ReadResponse(m));
        yield return new("IOCTL", Response(SmbCommand.Ioctl,
            "3100 0000 78001400" + FileIdHex + "70000000 00000000 70000000 04000000 00000000 00000000 DEADBEEF"), [24, 28, 32, 36], m =>
        {
            var response = IoctlResponse.Read(m);
            _ = response.Output(m).Length;
        });
        yield return new("FLUSH/LOCK", Response(SmbCommand.Lock, "0400 0000"), [0], m => EmptyRequest.ReadResponse(m, SmbCommand.Lock));
        yield return new("OPLOCK_BREAK", Response(SmbCommand.OplockBreak, "1800 01 00 00000000" + FileIdHex), [0, 2], m => OplockBreak.Read(m));
        yield return new("LEASE_BREAK notification", Response(SmbCommand.OplockBreak,
            "2C00 0300 01000000" + KeyHex + "07000000 01000000 00000000 00000000 00000000"), [0, 2, 4], m => LeaseBreakNotification.Read(m));
        yield return new("LEASE_BREAK response", Response(SmbCommand.OplockBreak,
            "2400 0000 00000000" + KeyHex + "01000000 0000000000000000"), [0, 24], m => LeaseBreakAcknowledgment.ReadResponse(m));
    }

    [TestCaseSource(nameof(Cases))]
    public void ThousandsOfMutations_OnlyEverParseOrThrowSmbProtocolException(Case parser)
    {
        var random = new Random(parser.Name.Length * 7919);
        int parsed = 0, rejected = 0;
        for (var i = 0; i < Runs; i++)
        {
            var message = Mutate(parser.Seed, parser.Fields, random);
            try
            {
                parser.Parse(message);
                parsed++;
            }
            catch (SmbProtocolException)
            {
                rejected++;
            }
        }

        // Any other exception fails the test above; both outcomes must have occurred.
        Assert.Multiple(() =>
        {
            Assert.That(parsed + rejected, Is.EqualTo(Runs));
            Assert.That(rejected, Is.GreaterThan(Runs / 20), "mutations reached the parser's checks");
            Assert.That(parsed, Is.GreaterThan(Runs / 20), "mutations left parseable messages too");
        });
    }

    // One to three edits of the body: a bit flip, a random byte, a hostile 16- or 32-bit value in a length or
    // offset field (or anywhere), a cut anywhere (into the header too), or random bytes appended.
    private static byte[] Mutate(byte[] seed, int[] fields, Random random)
    {
        var message = (byte[])seed.Clone();
        var body = message.Length - SmbHeader.Size;
        for (var edits = 1 + random.Next(3); edits > 0; edits--)
        {
            var at = SmbHeader.Size + (random.Next(2) == 0 ? fields[random.Next(fields.Length)] : random.Next(Math.Max(body, 1)));
            switch (random.Next(6))
            {
                case 0 when at < message.Length:
                    message[at] ^= (byte)(1 << random.Next(8));
                    break;
                case 1 when at < message.Length:
                    message[at] = (byte)random.Next(256);
                    break;
                case 2 when at + 2 <= message.Length:
                    BinaryPrimitives.WriteUInt16LittleEndian(message.AsSpan(at), (ushort)Hostile(random, message.Length));
                    break;
                case 3 when at + 4 <= message.Length:
                    BinaryPrimitives.WriteUInt32LittleEndian(message.AsSpan(at), Hostile(random, message.Length));
                    break;
                case 4:
                    return message[..random.Next(message.Length)];
                case 5:
                    var extra = new byte[random.Next(1, 40)];
                    random.NextBytes(extra);
                    message = [.. message, .. extra];
                    break;
                default:
                    break;
            }
        }
        return message;
    }

    // Values at the edges parsers get wrong: 0, around the message length, the header size, huge and negative.
    private static uint Hostile(Random random, int length) => random.Next(6) switch
    {
        0 => 0,
        1 => (uint)(length + random.Next(-8, 9)),
        2 => (uint)random.Next(SmbHeader.Size),
        3 => uint.MaxValue - (uint)random.Next(16),
        4 => 0x80000000u + (uint)random.Next(16),
        _ => (uint)random.Next(),
    };
}
