using System.Buffers.Binary;
using DokanRedirector.Smb.Rpc;
using DokanRedirector.Smb.Tests.Crypto;

namespace DokanRedirector.Smb.Tests.Rpc;

public class RpcPduTests
{
    [Test]
    public void Bind_IsByteForByteWhatSambasClientSends()
    {
        Assert.That(TestHex.Of(RpcBind.Encode(1, RpcSyntaxId.Srvsvc)), Is.EqualTo(TestHex.Of(SambaSrvsvcCapture.Bind)));
    }

    [Test]
    public void Bind_HasEachFieldWhereC706PutsIt()
    {
        Assert.That(TestHex.Of(RpcBind.Encode(7, RpcSyntaxId.Srvsvc)), Is.EqualTo(
            "05000B03" + "10000000" + "4800" + "0000" + "07000000" // header: 5.0 bind, first|last, LE drep, 72 bytes, call 7
            + "B810" + "B810" + "00000000" // max_xmit_frag, max_recv_frag 4280, new association group
            + "01000000" // one context element
            + "0000" + "01" + "00" // p_cont_id 0, one transfer syntax
            + "C84F324B7016D30112785A47BF6EE188" + "03000000" // srvsvc 4B324FC8-1670-01D3-1278-5A47BF6EE188 v3.0
            + "045D888AEB1CC9119FE808002B104860" + "02000000")); // NDR 8A885D04-1CEB-11C9-9FE8-08002B104860 v2
    }

    [Test]
    public void NetrShareEnumRequest_IsByteForByteWhatSambasClientSends()
    {
        var pdu = RpcRequest.Encode(2, NetrShareEnum.Opnum, NetrShareEnum.EncodeRequest("127.0.0.1"));

        Assert.That(TestHex.Of(pdu), Is.EqualTo(TestHex.Of(SambaSrvsvcCapture.Request)));
    }

    [Test]
    public void NetrShareEnumRequest_PadsTheServerNameToFourBytes()
    {
        Assert.That(TestHex.Of(NetrShareEnum.EncodeRequest(@"\\ab")), Is.EqualTo(
            "00000200" // ServerName referent
            + "05000000" + "00000000" + "05000000" // max_count 5, offset 0, actual_count 5 (with the NUL)
            + "5C005C00610062000000" + "0000" // "\\ab\0", align(4)
            + "01000000" + "01000000" // Level 1, union discriminant 1
            + "04000200" + "00000000" + "00000000" // Level1 referent -> EntriesRead 0, Buffer null
            + "FFFFFFFF" // PreferedMaximumLength: MAX_PREFERRED_LENGTH
            + "00000000")); // ResumeHandle: null
    }

    [Test]
    public void Request_Header_CarriesAllocHintContextAndOpnum()
    {
        var pdu = RpcRequest.Encode(9, 15, [1, 2, 3, 4]);

        Assert.That(TestHex.Of(pdu), Is.EqualTo("05000003" + "10000000" + "1C00" + "0000" + "09000000" + "04000000" + "0000" + "0F00" + "01020304"));
    }

    [Test]
    public void BindAck_FromSamba_IsAccepted()
    {
        Assert.That(() => RpcBind.ReadAck(SambaSrvsvcCapture.BindAck, 1), Throws.Nothing);
    }

    [Test]
    public void BindAck_RejectingTheInterface_IsAClearRpcError()
    {
        var ack = (byte[])SambaSrvsvcCapture.BindAck.Clone();
        BinaryPrimitives.WriteUInt16LittleEndian(ack.AsSpan(44), 2); // provider rejection
        BinaryPrimitives.WriteUInt16LittleEndian(ack.AsSpan(46), 1); // abstract syntax not supported

        Assert.That(() => RpcBind.ReadAck(ack, 1), Throws.TypeOf<SmbRpcException>()
            .With.Message.Contains("provider rejection, abstract syntax not supported")
            .And.Property(nameof(SmbRpcException.Status)).EqualTo(2));
    }

    [Test]
    public void BindNak_AndFault_AreClearRpcErrors()
    {
        Assert.Multiple(() =>
        {
            Assert.That(() => RpcBind.ReadAck(RpcPdus.BindNak(1, 4), 1), Throws.TypeOf<SmbRpcException>()
                .With.Message.Contains("protocol version not supported"));
            Assert.That(() => RpcBind.ReadAck(RpcPdus.Fault(1, 0x1C010003), 1), Throws.TypeOf<SmbRpcException>()
                .With.Message.Contains("unknown interface").And.Property(nameof(SmbRpcException.Status)).EqualTo(0x1C010003));
        });
    }

    [Test]
    public void BindAck_Malformed_IsAProtocolError()
    {
        var wrongCall = SambaSrvsvcCapture.BindAck;
        var longAddress = (byte[])SambaSrvsvcCapture.BindAck.Clone();
        BinaryPrimitives.WriteUInt16LittleEndian(longAddress.AsSpan(24), 200);
        var bigEndian = (byte[])SambaSrvsvcCapture.BindAck.Clone();
        bigEndian[4] = 0x00;
        var shortFragLength = (byte[])SambaSrvsvcCapture.BindAck.Clone();
        BinaryPrimitives.WriteUInt16LittleEndian(shortFragLength.AsSpan(8), 60);

        Assert.Multiple(() =>
        {
            Assert.That(() => RpcBind.ReadAck(wrongCall, 2), Throws.TypeOf<SmbProtocolException>().With.Message.Contains("call"));
            Assert.That(() => RpcBind.ReadAck(longAddress, 1), Throws.TypeOf<SmbProtocolException>());
            Assert.That(() => RpcBind.ReadAck(bigEndian, 1), Throws.TypeOf<SmbProtocolException>().With.Message.Contains("little-endian"));
            Assert.That(() => RpcBind.ReadAck(shortFragLength, 1), Throws.TypeOf<SmbProtocolException>().With.Message.Contains("frag_length"));
            Assert.That(() => RpcBind.ReadAck(SambaSrvsvcCapture.Response, 1), Throws.TypeOf<SmbProtocolException>());
        });
    }

    [Test]
    public void BindAck_ThousandsOfMutations_OnlyEverThrowSmbProtocolOrRpcErrors()
    {
        var rpcErrors = 0;

        var outcome = Fuzz.Run(4280, 20000, [SambaSrvsvcCapture.BindAck, RpcPdus.BindNak(1, 0), RpcPdus.Fault(1, 5)], pdu =>
        {
            try
            {
                RpcBind.ReadAck(pdu, 1);
            }
            catch (SmbRpcException)
            {
                rpcErrors++;
            }
        });

        Fuzz.AssertBothOutcomes(outcome, 20000);
        Assert.That(rpcErrors, Is.GreaterThan(0));
    }
}
