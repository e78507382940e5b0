using DokanRedirector.Smb.Tests.Crypto;

namespace DokanRedirector.Smb.Tests.Rpc;

/// <summary>
/// A real srvsvc exchange: Samba 4.17 smbd on loopback answering <c>rpcclient -c 'netshareenumall 1'</c>, the PDUs
/// cut out of the FSCTL_PIPE_TRANSCEIVE IOCTLs of a proxied SMB2 stream. Shares: <c>data</c> (comment "Team data"),
/// <c>public</c> (no comment) and IPC$. rpcclient sends the bare server name "127.0.0.1" and a null ResumeHandle.
/// </summary>
internal static class SambaSrvsvcCapture
{
    /// <summary>bind, call 1: srvsvc 3.0 over NDR 2.0, max fragments 4280.</summary>
    public static readonly byte[] Bind = TestHex.Parse(
        "05000b03100000004800000001000000b810b810000000000100000000000100" +
        "c84f324b7016d30112785a47bf6ee18803000000045d888aeb1cc9119fe80800" +
        "2b10486002000000");

    /// <summary>bind_ack, call 1: secondary address <c>\pipe\srvsvc</c>, NDR 2.0 accepted.</summary>
    public static readonly byte[] BindAck = TestHex.Parse(
        "05000c03100000004400000001000000b810b810c97d00000d005c706970655c" +
        "73727673766300000100000000000000045d888aeb1cc9119fe808002b104860" +
        "02000000");

    /// <summary>request, call 2, opnum 15 (NetrShareEnum), ServerName "127.0.0.1", level 1.</summary>
    public static readonly byte[] Request = TestHex.Parse(
        "050000031000000058000000020000004000000000000f00000002000a000000" +
        "000000000a0000003100320037002e0030002e0030002e003100000001000000" +
        "01000000040002000000000000000000ffffffff00000000");

    /// <summary>response, call 2, one fragment: 3 entries, TotalEntries 3, null ResumeHandle, WERROR 0.</summary>
    public static readonly byte[] Response = TestHex.Parse(
        "0500020310000000300100000200000018010000000000000100000001000000" +
        "08000200030000000c0002000300000010000200000000001400020018000200" +
        "000000001c000200200002000300008024000200050000000000000005000000" +
        "6400610074006100000000000a000000000000000a0000005400650061006d00" +
        "2000640061007400610000000700000000000000070000007000750062006c00" +
        "6900630000000000010000000000000001000000000000000500000000000000" +
        "0500000049005000430024000000000023000000000000002300000049005000" +
        "43002000530065007200760069006300650020002800530061006d0062006100" +
        "200034002e00310037002e00310032002d00440065006200690061006e002900" +
        "00000000030000000000000000000000");

    /// <summary>The response's stub: everything after its 24-byte header.</summary>
    public static byte[] ResponseStub => Response[24..];
}
