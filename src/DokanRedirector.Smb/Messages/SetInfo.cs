// MS-SMB2 2.2.39 SMB2 SET_INFO Request, 2.2.40 SMB2 SET_INFO Response
using DokanRedirector.Smb.Info;

namespace DokanRedirector.Smb.Messages;

internal readonly struct SetInfoRequest : ISmbRequest
{
    private const int FixedSize =
        sizeof(ushort) // StructureSize (33)
        + sizeof(byte) // InfoType
        + sizeof(byte) // FileInfoClass
        + sizeof(uint) // BufferLength
        + sizeof(ushort) // BufferOffset
        + sizeof(ushort) // Reserved
        + sizeof(uint) // AdditionalInformation
        + SmbFileId.Size; // FileId

    /// <param name="buffer">The encoded information, e.g. FILE_DISPOSITION_INFORMATION (class 13) or a security descriptor.</param>
    public SetInfoRequest(SmbFileId fileId, SmbInfoType infoType, byte infoClass, uint additionalInformation, ReadOnlyMemory<byte> buffer)
    {
        FileId = fileId;
        InfoType = infoType;
        InfoClass = infoClass;
        AdditionalInformation = additionalInformation;
        Buffer = buffer;
    }

    public SmbFileId FileId { get; }

    public SmbInfoType InfoType { get; }

    public byte InfoClass { get; }

    public uint AdditionalInformation { get; }

    public ReadOnlyMemory<byte> Buffer { get; }

    public SmbCommand Command => SmbCommand.SetInfo;

    public int BodySize => FixedSize + SmbWriter.BufferSize(Buffer.Length); // + Buffer

    public int ExpectedResponseSize => 0;

    public void WriteBody(Span<byte> body)
    {
        var w = new SmbWriter(body);
        w.UInt16(33); // StructureSize
        w.UInt8((byte)InfoType);
        w.UInt8(InfoClass); // FileInfoClass
        w.UInt32((uint)Buffer.Length); // BufferLength
        w.UInt16(SmbHeader.Size + FixedSize); // BufferOffset
        w.UInt16(0); // Reserved
        w.UInt32(AdditionalInformation);
        FileId.Write(ref w);
        w.Buffer(Buffer.Span);
        w.AssertWritten(BodySize);
    }

    /// <summary>Checks the response: a body of StructureSize (2) alone.</summary>
    public static void ReadResponse(ReadOnlySpan<byte> message) =>
        WireReader.Body(message, 2, sizeof(ushort), "SET_INFO response");
}
