// C706 12.6.3.1 p_syntax_id_t: an interface or transfer syntax UUID and version
using System.Buffers.Binary;
using DokanRedirector.Smb.Messages;

namespace DokanRedirector.Smb.Rpc;

internal readonly record struct RpcSyntaxId(Guid Uuid, ushort MajorVersion, ushort MinorVersion)
{
    public const int Size =
        16 // if_uuid
        + sizeof(ushort) // if_version, major
        + sizeof(ushort); // if_version, minor

    /// <summary>MS-SRVS 1.9: the srvsvc interface, version 3.0.</summary>
    public static readonly RpcSyntaxId Srvsvc = new(new Guid("4B324FC8-1670-01D3-1278-5A47BF6EE188"), 3, 0);

    /// <summary>C706 14: the NDR 2.0 transfer syntax.</summary>
    public static readonly RpcSyntaxId Ndr20 = new(new Guid("8A885D04-1CEB-11C9-9FE8-08002B104860"), 2, 0);

    // A UUID in little-endian NDR has its first three fields little-endian: the layout of Guid.TryWriteBytes.
    public void Write(ref SmbWriter w)
    {
        Uuid.TryWriteBytes(w.Take(16));
        w.UInt16(MajorVersion);
        w.UInt16(MinorVersion);
    }

    public static RpcSyntaxId Read(ReadOnlySpan<byte> source) =>
        new(new Guid(source[..16]), BinaryPrimitives.ReadUInt16LittleEndian(source[16..]), BinaryPrimitives.ReadUInt16LittleEndian(source[18..]));
}
