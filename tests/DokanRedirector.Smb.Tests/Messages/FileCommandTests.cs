using System.Buffers.Binary;
using DokanRedirector.Smb.Info;
using DokanRedirector.Smb.Messages;
using DokanRedirector.Smb.Tests.Crypto;
using DokanRedirector.Smb.Tests.Info;
using DokanRedirector.Smb.Transport;
using static DokanRedirector.Smb.Tests.Messages.FileMessages;

namespace DokanRedirector.Smb.Tests.Messages;

/// <summary>Byte-exact requests and parsed responses of CLOSE, FLUSH, READ, WRITE, LOCK, QUERY_DIRECTORY, CHANGE_NOTIFY, QUERY_INFO, SET_INFO, IOCTL and the breaks.</summary>
public class FileCommandTests
{
    [Test]
    public void CloseFlushAndOplockBreakAcknowledgment_Are24ByteFileIdRequests()
    {
        Assert.Multiple(() =>
        {
            Assert.That(TestHex.Of(Body(FileIdRequest.Close(FileId, postQueryAttributes: true))), Is.EqualTo("1800" + "0100" + "00000000" + FileIdHex));
            Assert.That(TestHex.Of(Body(FileIdRequest.Close(FileId, postQueryAttributes: false))), Is.EqualTo("1800" + "0000" + "00000000" + FileIdHex));
            Assert.That(TestHex.Of(Body(FileIdRequest.Flush(FileId))), Is.EqualTo("1800" + "0000" + "00000000" + FileIdHex));
            Assert.That(TestHex.Of(Body(FileIdRequest.OplockBreakAcknowledgment(FileId, SmbOplockLevel.LevelII))), Is.EqualTo("1800" + "01" + "00" + "00000000" + FileIdHex));
            Assert.That(FileIdRequest.Close(FileId, false).Command, Is.EqualTo(SmbCommand.Close));
            Assert.That(FileIdRequest.Flush(FileId).Command, Is.EqualTo(SmbCommand.Flush));
            Assert.That(FileIdRequest.OplockBreakAcknowledgment(FileId, SmbOplockLevel.None).Command, Is.EqualTo(SmbCommand.OplockBreak));
        });
    }

    [Test]
    public void CloseResponse_ReportsTheAttributesOnlyWhenPostQueried()
    {
        var info = TestHex.Of(NetworkOpenInfo());
        var queried = CloseResponse.Read(Response(SmbCommand.Close, "3C00 0100 00000000" + info));
        var plain = CloseResponse.Read(Response(SmbCommand.Close, "3C00 0000 00000000" + new string('0', info.Length)));

        Assert.Multiple(() =>
        {
            Assert.That(queried.Info!.Value.EndOfFile, Is.EqualTo(100));
            Assert.That(queried.Info.Value.AllocationSize, Is.EqualTo(4096));
            Assert.That(queried.Info.Value.CreationTime, Is.EqualTo(DateTime.FromFileTimeUtc(Time0)));
            Assert.That(queried.Info.Value.Attributes, Is.EqualTo(NtFileAttributes.Archive));
            Assert.That(plain.Info, Is.Null);
        });
    }

    [Test]
    public void ReadRequest_AsksForTheDataRightAfterTheResponsesFixedPart_AndChargesForTheLength()
    {
        var request = new ReadRequest(FileId, 0x123456789, 1 << 20);

        Assert.Multiple(() =>
        {
            Assert.That(TestHex.Of(Body(request)), Is.EqualTo(
                "3100" + "50" + "00" + "00001000" + "8967452301000000" + FileIdHex // Padding 0x50, Length 1 MiB, Offset
                + "00000000" + "00000000" + "00000000" + "0000" + "0000" + "00")); // MinimumCount … ReadChannelInfoLength, Buffer
            Assert.That(request.ExpectedResponseSize, Is.EqualTo(1 << 20));
        });
    }

    [Test]
    public void ReadResponse_LocatesTheDataInTheMessage()
    {
        var message = Response(SmbCommand.Read, "1100 50 00 05000000 00000000 00000000" + "68656C6C6F");

        var response = ReadResponse.Read(message);

        Assert.Multiple(() =>
        {
            Assert.That(response, Is.EqualTo(new ReadResponse(0x50, 5, 0)));
            Assert.That(response.Data(message).ToArray(), Is.EqualTo("hello"u8.ToArray()));
        });
    }

    [TestCase("1100 50 00 06000000 00000000 00000000 68656C6C6F", TestName = "ReadResponse_RejectsDataPastTheEnd")]
    [TestCase("1100 10 00 01000000 00000000 00000000 68656C6C6F", TestName = "ReadResponse_RejectsDataInsideTheHeader")]
    [TestCase("1100 50 00 FFFFFFFF 00000000 00000000 68656C6C6F", TestName = "ReadResponse_RejectsALengthPastInt32")]
    [TestCase("1100 50 00 05000000 00000000 000000", TestName = "ReadResponse_RejectsATruncatedFixedPart")]
    [TestCase("0900 0000 00000000 00", TestName = "ReadResponse_RejectsAnErrorResponseBody")]
    public void ReadResponse_RejectsBadFields(string body) =>
        Assert.That(() => ReadResponse.Read(Response(SmbCommand.Read, body)), Throws.TypeOf<SmbProtocolException>());

    [Test]
    public void WriteRequest_PutsTheDataAt0x70()
    {
        var request = new WriteRequest(FileId, 0x10, "ABC"u8.ToArray());

        Assert.That(TestHex.Of(Body(request)), Is.EqualTo(
            "3100" + "7000" + "03000000" + "1000000000000000" + FileIdHex // DataOffset 0x70, Length 3, Offset 16
            + "00000000" + "00000000" + "0000" + "0000" + "00000000" + "414243")); // Channel … Flags, the data
    }

    [Test]
    public void WriteResponse_ReadsTheCount_AndRejectsOneNoRequestCouldHaveWritten()
    {
        Assert.Multiple(() =>
        {
            Assert.That(WriteResponse.Read(Response(SmbCommand.Write, "1100 0000 00100000 00000000 0000 0000")).Count, Is.EqualTo(4096));
            Assert.That(() => WriteResponse.Read(Response(SmbCommand.Write, "1100 0000 FFFFFFFF 00000000 0000 0000")), Throws.TypeOf<SmbProtocolException>());
        });
    }

    [Test]
    public void LockRequest_CarriesEveryElement()
    {
        var request = new LockRequest(FileId, new[]
        {
            new SmbLockElement(0x100, 0x20, SmbLockFlags.Exclusive | SmbLockFlags.FailImmediately),
            new SmbLockElement(0, 5, SmbLockFlags.Unlock),
        });

        Assert.Multiple(() =>
        {
            Assert.That(TestHex.Of(Body(request)), Is.EqualTo(
                "3000" + "0200" + "00000000" + FileIdHex // StructureSize 48, LockCount 2, LockSequence
                + "0001000000000000" + "2000000000000000" + "12000000" + "00000000"
                + "0000000000000000" + "0500000000000000" + "04000000" + "00000000"));
            Assert.That(() => new LockRequest(FileId, Array.Empty<SmbLockElement>()), Throws.TypeOf<ArgumentOutOfRangeException>());
        });
    }

    [Test]
    public void QueryDirectoryRequest_CarriesClassFlagsPatternAndBufferSize()
    {
        var request = new QueryDirectoryRequest(FileId, 37, SmbQueryDirectoryFlags.RestartScans, 0, "*", 65536);

        Assert.Multiple(() =>
        {
            Assert.That(TestHex.Of(Body(request)), Is.EqualTo(
                "2100" + "25" + "01" + "00000000" + FileIdHex // StructureSize 33, FileIdBothDirectoryInformation, RESTART_SCANS, FileIndex
                + "6000" + "0200" + "00000100" + "2A00")); // FileNameOffset 96, FileNameLength 2, OutputBufferLength 64 KiB, "*"
            Assert.That(request.ExpectedResponseSize, Is.EqualTo(65536));
        });
    }

    [Test]
    public void ChangeNotifyRequest_Is32Bytes_WithWatchTreeAsFlag1_AndChargesForTheOutputBuffer()
    {
        const NtNotifyFilter filter = NtNotifyFilter.FileName | NtNotifyFilter.DirName | NtNotifyFilter.Attributes | NtNotifyFilter.Size | NtNotifyFilter.LastWrite;
        var tree = new ChangeNotifyRequest(FileId, SmbChangeNotifyFlags.WatchTree, 65536, filter);
        var flat = new ChangeNotifyRequest(FileId, SmbChangeNotifyFlags.None, 3 * 65536 + 1, NtNotifyFilter.StreamWrite);

        Assert.Multiple(() =>
        {
            Assert.That(TestHex.Of(Body(tree)), Is.EqualTo(
                "2000" + "0100" + "00000100" + FileIdHex + "1F000000" + "00000000")); // StructureSize 32, SMB2_WATCH_TREE, 64 KiB, filter 0x1F, Reserved
            Assert.That(TestHex.Of(Body(flat)), Is.EqualTo("2000" + "0000" + "01000300" + FileIdHex + "00080000" + "00000000"));
            Assert.That(tree.Command, Is.EqualTo(SmbCommand.ChangeNotify));
            Assert.That(tree.BodySize, Is.EqualTo(32), "no variable Buffer: StructureSize 32 is the whole body");
            Assert.That(CreditWindow.CreditCharge(tree.BodySize, tree.ExpectedResponseSize), Is.EqualTo(1));
            Assert.That(CreditWindow.CreditCharge(flat.BodySize, flat.ExpectedResponseSize), Is.EqualTo(4), "MS-SMB2 3.2.4.1.5: by the output buffer");
        });
    }

    [Test]
    public void ChangeNotifyResponse_IsAnOutputBufferOfFileNotifyInformationEntries()
    {
        var entries = FsccBuffers.NotifyChain(
            FsccBuffers.Notify(NtNotifyAction.RenamedOldName, "a"),
            FsccBuffers.Notify(NtNotifyAction.RenamedNewName, "b"));
        var message = Response(SmbCommand.ChangeNotify, "0900 4800" + TestHex.Of(BitConverter.GetBytes(entries.Length)) + TestHex.Of(entries));

        var changes = FileNotifyInformation.ReadAll(OutputBufferResponse.Read(message, SmbCommand.ChangeNotify).Output(message));

        Assert.Multiple(() =>
        {
            Assert.That(changes, Is.EqualTo(new[]
            {
                new FileNotifyInformation(NtNotifyAction.RenamedOldName, "a"),
                new FileNotifyInformation(NtNotifyAction.RenamedNewName, "b"),
            }));
            Assert.That(() => OutputBufferResponse.Read(Response(SmbCommand.ChangeNotify, "0900 4800 FF000000" + TestHex.Of(entries)), SmbCommand.ChangeNotify),
                Throws.TypeOf<SmbProtocolException>().With.Message.Contains("ChangeNotify OutputBuffer"));
        });
    }

    [Test]
    public void QueryInfoRequest_WithAndWithoutAnInputBuffer()
    {
        var plain = new QueryInfoRequest(FileId, SmbInfoType.File, 5, 64, 0, ReadOnlyMemory<byte>.Empty);
        var withInput = new QueryInfoRequest(FileId, SmbInfoType.Security, 0, 4096, 7, new byte[] { 0xAA, 0xBB });

        Assert.Multiple(() =>
        {
            Assert.That(TestHex.Of(Body(plain)), Is.EqualTo(
                "2900" + "01" + "05" + "40000000" + "0000" + "0000" + "00000000" + "00000000" + "00000000" + FileIdHex + "00"));
            Assert.That(TestHex.Of(Body(withInput)), Is.EqualTo(
                "2900" + "03" + "00" + "00100000" + "6800" + "0000" + "02000000" + "07000000" + "00000000" + FileIdHex + "AABB"));
            Assert.That(withInput.ExpectedResponseSize, Is.EqualTo(4096));
        });
    }

    [Test]
    public void OutputBufferResponse_LocatesTheOutputOfQueryDirectoryAndQueryInfo()
    {
        var message = Response(SmbCommand.QueryInfo, "0900 4800 03000000 010203");
        var empty = Response(SmbCommand.QueryDirectory, "0900 0000 00000000 00");

        var response = OutputBufferResponse.Read(message, SmbCommand.QueryInfo);

        Assert.Multiple(() =>
        {
            Assert.That(response.Output(message).ToArray(), Is.EqualTo(new byte[] { 1, 2, 3 }));
            Assert.That(OutputBufferResponse.Read(empty, SmbCommand.QueryDirectory).Output(empty).Length, Is.Zero);
            Assert.That(() => OutputBufferResponse.Read(Response(SmbCommand.QueryInfo, "0900 4800 04000000 010203"), SmbCommand.QueryInfo),
                Throws.TypeOf<SmbProtocolException>().With.Message.Contains("QueryInfo OutputBuffer"));
        });
    }

    [Test]
    public void SetInfoRequest_CarriesTheBuffer_AndItsResponseIsTwoBytes()
    {
        var request = new SetInfoRequest(FileId, SmbInfoType.File, 13, 0, new byte[] { 1 });

        Assert.Multiple(() =>
        {
            Assert.That(TestHex.Of(Body(request)), Is.EqualTo(
                "2100" + "01" + "0D" + "01000000" + "6000" + "0000" + "00000000" + FileIdHex + "01")); // BufferOffset 96
            Assert.That(() => SetInfoRequest.ReadResponse(Response(SmbCommand.SetInfo, "0200")), Throws.Nothing);
            Assert.That(() => SetInfoRequest.ReadResponse(Response(SmbCommand.SetInfo, "0900")), Throws.TypeOf<SmbProtocolException>());
        });
    }

    [Test]
    public void IoctlRequest_IsAnFsctlWithItsInputAt120()
    {
        var request = new IoctlRequest(0x00140078, FileId, new byte[] { 1, 2, 3 }, 0x1000, isFsctl: true);
        var noInput = Body(new IoctlRequest(0x00140078, SmbFileId.Any, ReadOnlyMemory<byte>.Empty, 64, isFsctl: true));

        Assert.Multiple(() =>
        {
            Assert.That(TestHex.Of(Body(request)), Is.EqualTo(
                "3900" + "0000" + "78001400" + FileIdHex // StructureSize 57, Reserved, CtlCode
                + "78000000" + "03000000" + "00000000" + "00000000" + "00000000" + "00100000" // input at 120, no output buffer, MaxOutputResponse
                + "01000000" + "00000000" + "010203")); // SMB2_0_IOCTL_IS_FSCTL, Reserved2, input
            Assert.That(request.ExpectedResponseSize, Is.EqualTo(0x1000));
            Assert.That(TestHex.Of(noInput.AsSpan(8, 16)), Is.EqualTo(new string('F', 32)), "FileId Any");
            Assert.That(BinaryPrimitives.ReadUInt32LittleEndian(noInput.AsSpan(24)), Is.Zero, "no input, no InputOffset");
            Assert.That(noInput, Has.Length.EqualTo(57));
        });
    }

    [Test]
    public void IoctlResponse_LocatesTheOutput()
    {
        var message = Response(SmbCommand.Ioctl,
            "3100 0000 78001400" + FileIdHex + "70000000 00000000 70000000 04000000 00000000 00000000" + "DEADBEEF");

        var response = IoctlResponse.Read(message);

        Assert.Multiple(() =>
        {
            Assert.That(response.CtlCode, Is.EqualTo(0x00140078));
            Assert.That(response.FileId, Is.EqualTo(FileId));
            Assert.That(TestHex.Of(response.Output(message)), Is.EqualTo("DEADBEEF"));
            Assert.That(() => IoctlResponse.Read(Response(SmbCommand.Ioctl,
                "3100 0000 78001400" + FileIdHex + "70000000 00000000 70000000 05000000 00000000 00000000" + "DEADBEEF")), Throws.TypeOf<SmbProtocolException>());
        });
    }

    [Test]
    public void OplockBreak_ReadsTheNewLevelAndTheFileId()
    {
        var notification = OplockBreak.Read(Response(SmbCommand.OplockBreak, "1800 01 00 00000000" + FileIdHex));

        Assert.That(notification, Is.EqualTo(new OplockBreak(SmbOplockLevel.LevelII, FileId)));
    }

    [Test]
    public void LeaseBreakNotification_ReadsTheKeyAndBothStates()
    {
        var notification = LeaseBreakNotification.Read(Response(SmbCommand.OplockBreak,
            "2C00 0300 01000000" + KeyHex + "07000000 01000000 00000000 00000000 00000000"));

        Assert.Multiple(() =>
        {
            Assert.That(notification, Is.EqualTo(new LeaseBreakNotification(
                3, SmbLeaseBreakFlags.AckRequired, Key, SmbLeaseState.ReadCaching | SmbLeaseState.HandleCaching | SmbLeaseState.WriteCaching, SmbLeaseState.ReadCaching)));
            Assert.That(notification.AckRequired, Is.True);
            Assert.That(() => LeaseBreakNotification.Read(Response(SmbCommand.OplockBreak, "1800 01 00 00000000" + FileIdHex)),
                Throws.TypeOf<SmbProtocolException>(), "an oplock break is not a lease break");
        });
    }

    [Test]
    public void LeaseBreakAcknowledgment_AndItsResponse_Share36Bytes()
    {
        var body = Body(new LeaseBreakAcknowledgment(Key, SmbLeaseState.ReadCaching));
        var response = LeaseBreakAcknowledgment.ReadResponse(Response(SmbCommand.OplockBreak, TestHex.Of(body)));

        Assert.Multiple(() =>
        {
            Assert.That(TestHex.Of(body), Is.EqualTo("2400" + "0000" + "00000000" + KeyHex + "01000000" + "0000000000000000"));
            Assert.That(response.LeaseKey, Is.EqualTo(Key));
            Assert.That(response.LeaseState, Is.EqualTo(SmbLeaseState.ReadCaching));
        });
    }

    [Test]
    public void Cancel_IsTheEmpty4ByteRequest()
    {
        Assert.That(TestHex.Of(Body(new EmptyRequest(SmbCommand.Cancel))), Is.EqualTo("04000000"));
    }
}
