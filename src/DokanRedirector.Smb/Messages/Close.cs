// MS-SMB2 2.2.16 SMB2 CLOSE Response (the request, 2.2.15, is a FileIdRequest)
using System.Buffers.Binary;

namespace DokanRedirector.Smb.Messages;

internal readonly record struct CloseResponse(SmbNetworkOpenInfo? Info)
{
    private const int Size = 60;

    /// <summary>Reads the response; <see cref="Info"/> is null unless the server set SMB2_CLOSE_FLAG_POSTQUERY_ATTRIB.</summary>
    public static CloseResponse Read(ReadOnlySpan<byte> message)
    {
        // StructureSize(2) Flags(2) Reserved(4), then the FILE_NETWORK_OPEN_INFORMATION fields (52).
        var body = WireReader.Body(message, Size, Size, "CLOSE response");
        var flags = (SmbCloseFlags)BinaryPrimitives.ReadUInt16LittleEndian(body[2..]);
        return new CloseResponse((flags & SmbCloseFlags.PostQueryAttributes) != 0 ? SmbNetworkOpenInfo.Read(body[8..]) : null);
    }
}
