using System.Buffers.Binary;
using DokanRedirector.Smb.Rpc;

namespace DokanRedirector.Smb.Tests.Rpc;

public class NetrShareEnumTests
{
    [Test]
    public void Response_FromSamba_ListsItsThreeShares()
    {
        var response = NetrShareEnum.DecodeResponse(SambaSrvsvcCapture.ResponseStub);

        Assert.Multiple(() =>
        {
            Assert.That(response.Shares, Is.EqualTo(new[]
            {
                new SmbShareInfo("data", SmbShareKind.Disk, "Team data"),
                new SmbShareInfo("public", SmbShareKind.Disk, ""),
                new SmbShareInfo("IPC$", SmbShareKind.Ipc | SmbShareKind.Special, "IPC Service (Samba 4.17.12-Debian)"),
            }));
            Assert.That(response.TotalEntries, Is.EqualTo(3));
            Assert.That(response.Status, Is.Zero);
        });
    }

    [Test]
    public void Response_HandBuilt_WithANullRemarkAndAResumeHandle()
    {
        var response = NetrShareEnum.DecodeResponse(ThreeShares());
        var ipc = response.Shares[2];

        Assert.Multiple(() =>
        {
            Assert.That(response.Shares, Is.EqualTo(new[]
            {
                new SmbShareInfo("docs", SmbShareKind.Disk, "Documents"),
                new SmbShareInfo("laser", SmbShareKind.PrintQueue, ""),
                new SmbShareInfo("IPC$", (SmbShareKind)0x80000003, "Remote IPC"),
            }));
            Assert.That(ipc.BaseType, Is.EqualTo(SmbShareKind.Ipc));
            Assert.That(ipc.IsSpecial, Is.True);
            Assert.That(ipc.IsTemporary, Is.False);
            Assert.That(response.TotalEntries, Is.EqualTo(3));
        });
    }

    [Test]
    public void Response_WithNoContainerOrNoBuffer_HasNoShares_AndKeepsTheError()
    {
        var noContainer = new NdrBuilder().UInt32(1).UInt32(1).UInt32(0).UInt32(0).UInt32(0).UInt32(5).ToArray();
        var noBuffer = new NdrBuilder().UInt32(1).UInt32(1).UInt32(0x20000).UInt32(0).UInt32(0).UInt32(0).UInt32(0).UInt32(0).ToArray();

        var failed = NetrShareEnum.DecodeResponse(noContainer);

        Assert.Multiple(() =>
        {
            Assert.That(failed.Shares, Is.Empty);
            Assert.That(failed.Status, Is.EqualTo(5), "WERROR_ACCESS_DENIED");
            Assert.That(NetrShareEnum.DecodeResponse(noBuffer).Shares, Is.Empty);
        });
    }

    [TestCase(0, 2u, "level", TestName = "Response_AtAnotherLevel_IsAProtocolError")]
    [TestCase(12, 4u, "EntriesRead", TestName = "Response_WhoseArrayCountDisagreesWithEntriesRead_IsAProtocolError")]
    [TestCase(24, 0u, "no name", TestName = "Response_WithANullShareName_IsAProtocolError")]
    [TestCase(68, 6u, "shi1_netname has max_count 5, offset 0, actual_count 6", TestName = "Response_WhoseStringOverrunsItsMaxCount_IsAProtocolError")]
    public void Malformed(int offset, uint value, string message)
    {
        var stub = ThreeShares();
        BinaryPrimitives.WriteUInt32LittleEndian(stub.AsSpan(offset), value);

        Assert.That(() => NetrShareEnum.DecodeResponse(stub), Throws.TypeOf<SmbProtocolException>().With.Message.Contains(message));
    }

    [Test]
    public void Response_ClaimingMoreEntriesThanTheStubHolds_IsRejectedBeforeAllocating()
    {
        var stub = new NdrBuilder().UInt32(1).UInt32(1).UInt32(0x20000).UInt32(0x10000000).UInt32(0x20004).UInt32(0x10000000).ToArray();

        Assert.That(() => NetrShareEnum.DecodeResponse(stub), Throws.TypeOf<SmbProtocolException>().With.Message.Contains("does not fit"));
    }

    [Test]
    public void Response_ThousandsOfMutations_OnlyEverThrowsSmbProtocolException()
    {
        var outcome = Fuzz.Run(15, 20000, [SambaSrvsvcCapture.ResponseStub, ThreeShares()], stub => NetrShareEnum.DecodeResponse(stub));

        Fuzz.AssertBothOutcomes(outcome, 20000);
    }

    // InfoStruct level 1 -> container -> array of 3 -> strings; TotalEntries 3; ResumeHandle 7; WERROR 0.
    // Offsets: 12 EntriesRead, 20 array max_count, 24.. the entries (12 bytes each), 60 the first string's max_count.
    private static byte[] ThreeShares() => new NdrBuilder()
        .UInt32(1).UInt32(1).UInt32(0x20000) // Level, discriminant, Level1 referent
        .UInt32(3).UInt32(0x20004) // EntriesRead, Buffer referent
        .UInt32(3) // max_count
        .UInt32(0x20008).UInt32(0).UInt32(0x2000C) // docs: disk
        .UInt32(0x20010).UInt32(1).UInt32(0) // laser: print queue, null remark
        .UInt32(0x20014).UInt32(0x80000003).UInt32(0x20018) // IPC$: special IPC
        .String("docs").String("Documents")
        .String("laser")
        .String("IPC$").String("Remote IPC")
        .UInt32(3) // TotalEntries
        .UInt32(0x2001C).UInt32(7) // ResumeHandle
        .UInt32(0) // WERROR_OK
        .ToArray();
}
