using DokanRedirector.Smb.Messages;
using DokanRedirector.Smb.Tests.Crypto;
using DokanRedirector.Smb.Tests.Fixtures;
using DokanRedirector.Smb.Tests.Info;
using static DokanRedirector.Smb.Tests.Messages.FileMessages;

namespace DokanRedirector.Smb.Tests.Messages;

/// <summary>What <see cref="SmbFile.ChangeNotifyAsync"/> sends, and how it reads each final status, on a scripted server.</summary>
public class ChangeNotifyStatusTests
{
    // MS-SMB2 2.2.2 ERROR Response: StructureSize 9, ErrorContextCount, Reserved, ByteCount 0, one byte of ErrorData.
    private static readonly byte[] ErrorBody = TestHex.Parse("0900 00 00 00000000 00");

    [Test]
    public async Task TheRequestIsOnTheWireAsSpecified_AndTheFinalResponseAfterAnInterimOneIsDecoded()
    {
        await using var server = new ScriptedSmbServer();
        await using var connection = await server.ConnectClientAsync(credits: 10);
        var directory = await server.OpenAsync(ScriptedSmbServer.Tree(connection), "dir", new SmbCreateOptions(), SmbOplockLevel.None);
        var entries = FsccBuffers.NotifyChain(FsccBuffers.Notify(NtNotifyAction.Added, "a.txt"), FsccBuffers.Notify(NtNotifyAction.Removed, "b.txt"));

        var notifying = directory.ChangeNotifyAsync(NtNotifyFilter.FileName | NtNotifyFilter.DirName, watchTree: true, 4096, CancellationToken.None);
        var frame = await server.ReadFrameAsync();
        var request = SmbHeader.Read(frame);
        await server.SendAsync(ScriptedSmbServer.Response(request.MessageId, SmbCommand.ChangeNotify, 1, ErrorBody, asyncId: 9, NtStatus.Pending));
        await server.SendAsync(ScriptedSmbServer.Response(request.MessageId, SmbCommand.ChangeNotify, 1,
            [.. TestHex.Parse("0900 4800"), .. BitConverter.GetBytes(entries.Length), .. entries], asyncId: 9));
        var notification = await notifying;

        Assert.Multiple(() =>
        {
            Assert.That(request.Command, Is.EqualTo(SmbCommand.ChangeNotify));
            Assert.That(request.TreeId, Is.EqualTo(ScriptedSmbServer.TreeId));
            Assert.That(TestHex.Of(frame.AsSpan(SmbHeader.Size)), Is.EqualTo("2000" + "0100" + "00100000" + FileIdHex + "03000000" + "00000000"));
            Assert.That(notification.Status, Is.EqualTo(NtStatus.Success));
            Assert.That(notification.Changes, Is.EqualTo(new[]
            {
                new FileNotifyInformation(NtNotifyAction.Added, "a.txt"),
                new FileNotifyInformation(NtNotifyAction.Removed, "b.txt"),
            }));
        });
    }

    [TestCase(0x0000010Cu, TestName = "NotifyEnumDir_WithItsErrorBody_IsReturnedWithNoChanges")]
    [TestCase(0x0000010Bu, TestName = "NotifyCleanup_WithItsErrorBody_IsReturnedWithNoChanges")]
    public async Task InformationalStatus_IsReturnedWithNoChanges(uint status)
    {
        var notification = await AnswerAsync(new NtStatus(status), ErrorBody);

        Assert.Multiple(() =>
        {
            Assert.That(notification.Status, Is.EqualTo(new NtStatus(status)));
            Assert.That(notification.Changes, Is.Empty);
        });
    }

    [Test]
    public void AWarningStatus_IsAnSmbStatusException_NotAnEmptyResult()
    {
        Assert.That(async () => await AnswerAsync(NtStatus.BufferOverflow, ErrorBody),
            Throws.TypeOf<SmbStatusException>().With.Property(nameof(SmbStatusException.Status)).EqualTo(NtStatus.BufferOverflow));
    }

    [Test]
    public void ASuccessWithABrokenChain_IsAProtocolError()
    {
        var entries = FsccBuffers.NotifyChain(FsccBuffers.Notify(NtNotifyAction.Added, "ab"), FsccBuffers.Notify(NtNotifyAction.Added, "cd"));
        entries[0] = 17; // NextEntryOffset 17: unaligned

        Assert.That(async () => await AnswerAsync(NtStatus.Success, [.. TestHex.Parse("0900 4800"), .. BitConverter.GetBytes(entries.Length), .. entries]),
            Throws.TypeOf<SmbProtocolException>().With.Message.Contains("NextEntryOffset"));
    }

    // Opens a directory on a scripted server, sends CHANGE_NOTIFY and answers it with status and body.
    private static async Task<SmbChangeNotification> AnswerAsync(NtStatus status, byte[] body)
    {
        await using var server = new ScriptedSmbServer();
        await using var connection = await server.ConnectClientAsync(credits: 10);
        var directory = await server.OpenAsync(ScriptedSmbServer.Tree(connection), "dir", new SmbCreateOptions(), SmbOplockLevel.None);
        var notifying = directory.ChangeNotifyAsync(NtNotifyFilter.FileName, watchTree: false, 4096, CancellationToken.None);
        var request = await server.ReadMessageAsync();
        await server.SendAsync(ScriptedSmbServer.Response(request.MessageId, SmbCommand.ChangeNotify, 1, body, status: status));
        return await notifying;
    }
}
