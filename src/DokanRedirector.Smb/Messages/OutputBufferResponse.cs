// MS-SMB2 2.2.34 SMB2 QUERY_DIRECTORY Response, 2.2.36 SMB2 CHANGE_NOTIFY Response and 2.2.38 SMB2 QUERY_INFO Response: one layout
using System.Buffers.Binary;

namespace DokanRedirector.Smb.Messages;

/// <summary>
/// StructureSize (9), OutputBufferOffset, OutputBufferLength and the buffer: the response of QUERY_DIRECTORY,
/// CHANGE_NOTIFY and QUERY_INFO. The offset and length are checked against the message.
/// </summary>
internal readonly record struct OutputBufferResponse(int OutputOffset, int OutputLength)
{
    private const int FixedSize = 8; // StructureSize says 9

    public ReadOnlySpan<byte> Output(ReadOnlySpan<byte> message) => message.Slice(OutputOffset, OutputLength);

    public static OutputBufferResponse Read(ReadOnlySpan<byte> message, SmbCommand command)
    {
        // StructureSize(2) OutputBufferOffset(2) OutputBufferLength(4)
        var body = WireReader.Body(message, 9, FixedSize, $"{command} response");
        var length = (int)BinaryPrimitives.ReadUInt32LittleEndian(body[4..]); // past int.MaxValue: negative, rejected
        var offset = WireReader.BufferOffset(message, BinaryPrimitives.ReadUInt16LittleEndian(body[2..]), length, $"{command} OutputBuffer");
        return new OutputBufferResponse(offset, length);
    }
}
