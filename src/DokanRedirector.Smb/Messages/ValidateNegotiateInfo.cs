// MS-SMB2 2.2.31.4 VALIDATE_NEGOTIATE_INFO Request, 2.2.32.6 VALIDATE_NEGOTIATE_INFO Response
using System.Buffers.Binary;
using DokanRedirector.Smb.Crypto;

namespace DokanRedirector.Smb.Messages;

/// <summary>The input of FSCTL_VALIDATE_NEGOTIATE_INFO: what the client's NEGOTIATE request said.</summary>
internal static class ValidateNegotiateInfo
{
    public const uint FsctlCode = 0x00140204;

    /// <summary>The response: Capabilities (4), Guid (16), SecurityMode (2), Dialect (2).</summary>
    public const int ResponseSize = 24;

    public static byte[] Request(SmbCapabilities capabilities, Guid clientGuid, SmbSecurityMode securityMode, SmbDialect[] dialects)
    {
        var input = new byte[
            sizeof(uint) // Capabilities
            + 16 // Guid
            + sizeof(ushort) // SecurityMode
            + sizeof(ushort) // DialectCount
            + (sizeof(ushort) * dialects.Length)]; // Dialects
        var w = new SmbWriter(input);
        w.UInt32((uint)capabilities);
        clientGuid.TryWriteBytes(w.Take(16));
        w.UInt16((ushort)securityMode);
        w.UInt16((ushort)dialects.Length);
        foreach (var dialect in dialects)
        {
            w.UInt16((ushort)dialect);
        }
        w.AssertWritten(input.Length);
        return input;
    }

    public static (SmbCapabilities Capabilities, Guid ServerGuid, SmbSecurityMode SecurityMode, SmbDialect Dialect) ReadResponse(ReadOnlySpan<byte> output)
    {
        WireReader.Require(output, ResponseSize, "VALIDATE_NEGOTIATE_INFO response");
        return (
            (SmbCapabilities)BinaryPrimitives.ReadUInt32LittleEndian(output),
            new Guid(output.Slice(4, 16)),
            (SmbSecurityMode)BinaryPrimitives.ReadUInt16LittleEndian(output[20..]),
            (SmbDialect)BinaryPrimitives.ReadUInt16LittleEndian(output[22..]));
    }
}
