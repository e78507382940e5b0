using System.Buffers.Binary;
using DokanRedirector.Smb.Messages;
using DokanRedirector.Smb.Tests.Fixtures;
using DokanRedirector.Smb.Transport;

namespace DokanRedirector.Smb.Tests.Transport;

public class CompoundTests
{
    [Test]
    public async Task ACompound_GoesOutAsOneFrame_WithAlignedNextCommands_RelatedFlags_AndConsecutiveMessageIds()
    {
        await using var server = new ScriptedSmbServer();
        await using var connection = await server.ConnectClientAsync(credits: 10);
        ISmbRequest[] requests = [new EmptyRequest(SmbCommand.Echo), new EmptyRequest(SmbCommand.Echo), new EmptyRequest(SmbCommand.Echo)];

        var sending = connection.SendCompoundAsync(requests, SmbMessageContext.None, CancellationToken.None);
        var frame = await server.ReadFrameAsync();
        var headers = Split(frame);
        await server.SendAsync(ScriptedSmbServer.Compound(
            ScriptedSmbServer.EchoResponse(headers[0].MessageId),
            ScriptedSmbServer.EchoResponse(headers[1].MessageId, status: NtStatus.AccessDenied),
            ScriptedSmbServer.EchoResponse(headers[2].MessageId)));
        var responses = await sending;

        Assert.Multiple(() =>
        {
            Assert.That(headers, Has.Count.EqualTo(3));
            Assert.That(headers[0].NextCommand, Is.EqualTo(72), "64-byte header + 4-byte body, padded to 8");
            Assert.That(headers[1].NextCommand, Is.EqualTo(72));
            Assert.That(headers[2].NextCommand, Is.Zero);
            Assert.That(frame, Has.Length.EqualTo(72 + 72 + 68), "the last element is not padded");
            Assert.That(headers[0].Flags & SmbHeaderFlags.RelatedOperations, Is.EqualTo(SmbHeaderFlags.None));
            Assert.That(headers[1].Flags & SmbHeaderFlags.RelatedOperations, Is.EqualTo(SmbHeaderFlags.RelatedOperations));
            Assert.That(headers[2].Flags & SmbHeaderFlags.RelatedOperations, Is.EqualTo(SmbHeaderFlags.RelatedOperations));
            Assert.That(headers.Select(h => h.MessageId), Is.EqualTo(new ulong[] { 1, 2, 3 }));
            Assert.That(responses.Select(r => r.Status), Is.EqualTo(new[] { NtStatus.Success, NtStatus.AccessDenied, NtStatus.Success }));
            Assert.That(connection.PendingCount, Is.Zero);
        });
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }

    private static List<SmbHeader> Split(byte[] frame)
    {
        var headers = new List<SmbHeader>();
        for (var offset = 0; ;)
        {
            var header = SmbHeader.Read(frame.AsSpan(offset));
            headers.Add(header);
            if (header.NextCommand == 0)
            {
                return headers;
            }
            offset += (int)BinaryPrimitives.ReadUInt32LittleEndian(frame.AsSpan(offset + 20));
        }
    }
}
