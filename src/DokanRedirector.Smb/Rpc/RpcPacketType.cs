// C706 12.6.3.1 and MS-RPCE 2.2.2: connection-oriented PDU types (PTYPE) and pfc_flags
namespace DokanRedirector.Smb.Rpc;

internal enum RpcPacketType : byte
{
    Request = 0,
    Response = 2,
    Fault = 3,
    Bind = 11,
    BindAck = 12,
    BindNak = 13,
}

[Flags]
internal enum RpcPacketFlags : byte
{
    None = 0,
    FirstFragment = 0x01, // PFC_FIRST_FRAG
    LastFragment = 0x02, // PFC_LAST_FRAG
}
