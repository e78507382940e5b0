using System.Buffers.Binary;
using DokanRedirector.Smb.Messages;
using DokanRedirector.Smb.Tests.Crypto;
using static DokanRedirector.Smb.Tests.Messages.FileMessages;

namespace DokanRedirector.Smb.Tests.Messages;

public class CreateTests
{
    private static readonly SmbCreateOptions Options = new()
    {
        Disposition = NtCreateDisposition.OpenIf,
        Options = NtCreateOptions.NonDirectoryFile,
        DesiredAccess = NtAccessMask.ReadData | NtAccessMask.ReadAttributes,
        ShareAccess = NtShareAccess.Read | NtShareAccess.Write,
        Attributes = NtFileAttributes.Normal,
    };

    [Test]
    public void Request_WithoutContexts_IsTheFixedPartThenTheUtf16Name()
    {
        var body = Body(new CreateRequest(@"a\b.txt", Options, leaseV2: true));

        Assert.That(TestHex.Of(body), Is.EqualTo(TestHex.Of(TestHex.Parse(
            "3900 00 00 02000000" // StructureSize 57, SecurityFlags, RequestedOplockLevel none, Impersonation
            + "0000000000000000 0000000000000000" // SmbCreateFlags, Reserved
            + "81000000 80000000 03000000 03000000 40000000" // DesiredAccess, FileAttributes, ShareAccess, OpenIf, NonDirectoryFile
            + "7800 0E00 00000000 00000000" // NameOffset 120, NameLength 14, no contexts
            + "6100 5C00 6200 2E00 7400 7800 7400"))));
    }

    [Test]
    public void Request_ForTheShareRoot_HasAnEmptyNameAndOneBufferByte()
    {
        var request = new CreateRequest("", Options, leaseV2: true);
        var body = Body(request);

        Assert.Multiple(() =>
        {
            Assert.That(request.BodySize, Is.EqualTo(57), "StructureSize 57 counts one byte of Buffer");
            Assert.That(BinaryPrimitives.ReadUInt16LittleEndian(body.AsSpan(44)), Is.EqualTo(120), "NameOffset");
            Assert.That(BinaryPrimitives.ReadUInt16LittleEndian(body.AsSpan(46)), Is.Zero, "NameLength");
            Assert.That(body[56], Is.Zero);
        });
    }

    [Test]
    public void Request_WithEveryContext_ChainsThem8Aligned_WithALeaseV2AndADurableV2Request()
    {
        var createGuid = new Guid(TestHex.Parse("C0C1C2C3C4C5C6C7C8C9CACBCCCDCECF"));
        var options = Options with
        {
            OplockLevel = SmbOplockLevel.Batch, // overridden by the lease
            RequestMaximalAccess = true,
            QueryOnDiskId = true,
            Lease = new SmbLeaseRequest(Key, SmbLeaseState.ReadCaching | SmbLeaseState.HandleCaching),
            Durable = new SmbDurableHandleRequest(createGuid, TimeSpan.FromSeconds(30)),
        };

        var body = Body(new CreateRequest("f", options, leaseV2: true));

        Assert.That(TestHex.Of(body), Is.EqualTo(TestHex.Of(TestHex.Parse(
            "3900 00 FF 02000000 0000000000000000 0000000000000000" // RequestedOplockLevel: lease
            + "81000000 80000000 03000000 03000000 40000000"
            + "7800 0200 80000000 B8000000" // name at 120; contexts at 128 (8-aligned), 184 bytes
            + "6600 000000000000" // "f", padding to 128
            + "18000000 1000 0400 0000 0000 00000000 4D784163 00000000" // MxAc: Next 24, no data
            + "18000000 1000 0400 0000 0000 00000000 51466964 00000000" // QFid: Next 24, no data
            + "50000000 1000 0400 0000 1800 34000000 52714C73 00000000" // RqLs: Next 80, 52 bytes of data at 24
            + KeyHex + "03000000 00000000 0000000000000000" // LeaseKey, LeaseState RH, LeaseFlags, LeaseDuration
            + "00000000000000000000000000000000 0000 0000 00000000" // ParentLeaseKey, Epoch, Reserved, padding to 80
            + "00000000 1000 0400 0000 1800 20000000 44483251 00000000" // DH2Q: last, 32 bytes of data at 24
            + "30750000 00000000 0000000000000000 C0C1C2C3C4C5C6C7C8C9CACBCCCDCECF"))));
    }

    [Test]
    public void Request_On21_SendsThe32ByteVersion1Lease()
    {
        var options = Options with { Lease = new SmbLeaseRequest(Key, SmbLeaseState.ReadCaching) };

        var body = Body(new CreateRequest("f", options, leaseV2: false));

        Assert.Multiple(() =>
        {
            Assert.That(BinaryPrimitives.ReadUInt32LittleEndian(body.AsSpan(52)), Is.EqualTo(24 + 32), "CreateContextsLength");
            Assert.That(BinaryPrimitives.ReadUInt32LittleEndian(body.AsSpan(64 + 12)), Is.EqualTo(32), "DataLength");
            Assert.That(body.AsSpan(64 + 24, 16).ToArray(), Is.EqualTo(Key.ToByteArray()));
            Assert.That(body, Has.Length.EqualTo(56 + 8 + 56));
        });
    }

    [Test]
    public void Response_ReadsTheFixedPart_AndEveryKnownContext_SkippingUnknownOnes()
    {
        var response = CreateResponse.Read(CreateResponseWithContexts());

        Assert.Multiple(() =>
        {
            Assert.That(response.OplockLevel, Is.EqualTo(SmbOplockLevel.Lease));
            Assert.That(response.CreateAction, Is.EqualTo(NtCreateAction.Created));
            Assert.That(response.FileId, Is.EqualTo(FileId));
            Assert.That(response.Info, Is.EqualTo(new SmbNetworkOpenInfo(
                DateTime.FromFileTimeUtc(Time0), DateTime.FromFileTimeUtc(Time1), DateTime.FromFileTimeUtc(Time1), DateTime.FromFileTimeUtc(Time1),
                4096, 100, NtFileAttributes.Archive)));
            Assert.That(response.Contexts.MaximalAccessStatus, Is.EqualTo(NtStatus.Success));
            Assert.That(response.Contexts.MaximalAccess, Is.EqualTo((NtAccessMask)0x001F01FF));
            Assert.That(response.Contexts.OnDiskId, Is.EqualTo(new SmbOnDiskId(42, 7)));
            Assert.That(response.Contexts.Lease, Is.EqualTo(new SmbLease(Key, SmbLeaseState.ReadCaching | SmbLeaseState.HandleCaching, SmbLeaseFlags.None, 5)));
            Assert.That(response.Contexts.Durable, Is.EqualTo(new SmbDurableHandle(TimeSpan.FromSeconds(30), SmbDurableHandleFlags.None)));
        });
    }

    [Test]
    public void Response_WithoutContexts_HasNone()
    {
        var message = CreateResponseWithContexts()[..(SmbHeader.Size + 88)];
        BinaryPrimitives.WriteUInt64LittleEndian(message.AsSpan(SmbHeader.Size + 80), 0); // offset and length 0

        var response = CreateResponse.Read(message);

        Assert.That(response.Contexts, Is.EqualTo(default(CreateResponseContexts)));
    }

    // Offsets into the message: the contexts start at 152; the first is MxAc (32 bytes: 8 of data at 24).
    [TestCase(SmbHeader.Size + 80, 4000u, TestName = "Response_RejectsContextsOffsetPastTheEnd")]
    [TestCase(SmbHeader.Size + 84, 0xFFFFFFF0u, TestName = "Response_RejectsContextsLengthPastTheEnd")]
    [TestCase(SmbHeader.Size + 80, 8u, TestName = "Response_RejectsContextsInsideTheHeader")]
    [TestCase(152, 12u, TestName = "Response_RejectsANextShorterThanAContextHeader")]
    [TestCase(152, 20u, TestName = "Response_RejectsANextThatIsNotAligned")]
    [TestCase(152, 0x10000u, TestName = "Response_RejectsANextPastTheChain")]
    [TestCase(152 + 12, 9u, TestName = "Response_RejectsDataPastItsContext")]
    public void Response_RejectsBadContextFields(int offset, uint value)
    {
        var message = CreateResponseWithContexts();
        BinaryPrimitives.WriteUInt32LittleEndian(message.AsSpan(offset), value);

        Assert.That(() => CreateResponse.Read(message), Throws.TypeOf<SmbProtocolException>());
    }

    [TestCase(4, (ushort)30, TestName = "Response_RejectsANamePastItsContext")]
    [TestCase(4, (ushort)2, TestName = "Response_RejectsANameInsideTheContextHeader")]
    [TestCase(10, (ushort)0xFFF0, TestName = "Response_RejectsADataOffsetPastItsContext")]
    public void Response_RejectsBadNameOrDataOffsets(int field, ushort value)
    {
        var message = CreateResponseWithContexts();
        BinaryPrimitives.WriteUInt16LittleEndian(message.AsSpan(152 + field), value);

        Assert.That(() => CreateResponse.Read(message), Throws.TypeOf<SmbProtocolException>());
    }

    [Test]
    public void Response_RejectsAKnownContextWithTooLittleData()
    {
        var message = CreateResponseWithContexts();
        BinaryPrimitives.WriteUInt32LittleEndian(message.AsSpan(152 + 12), 4); // MxAc DataLength 4 of 8

        Assert.That(() => CreateResponse.Read(message), Throws.TypeOf<SmbProtocolException>().With.Message.Contains("MxAc"));
    }
}
