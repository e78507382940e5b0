// MS-SMB2 2.2.37 SMB2 QUERY_INFO Request (2.2.38, the response, is an OutputBufferResponse)
using DokanRedirector.Smb.Info;

namespace DokanRedirector.Smb.Messages;

internal readonly struct QueryInfoRequest : ISmbRequest
{
    private const int FixedSize =
        sizeof(ushort) // StructureSize (41)
        + sizeof(byte) // InfoType
        + sizeof(byte) // FileInfoClass
        + sizeof(uint) // OutputBufferLength
        + sizeof(ushort) // InputBufferOffset
        + sizeof(ushort) // Reserved
        + sizeof(uint) // InputBufferLength
        + sizeof(uint) // AdditionalInformation
        + sizeof(uint) // Flags
        + SmbFileId.Size; // FileId

    /// <param name="infoClass">The MS-FSCC 2.4 (file) or 2.5 (file system) class; 0 for security and quota.</param>
    /// <param name="additionalInformation">Security: which parts of the descriptor (OWNER 1, GROUP 2, DACL 4, SACL 8).</param>
    /// <param name="input">Quota: an SMB2_QUERY_QUOTA_INFO; extended attributes: a FILE_GET_EA_INFORMATION list.</param>
    public QueryInfoRequest(SmbFileId fileId, SmbInfoType infoType, byte infoClass, int outputBufferLength, uint additionalInformation, ReadOnlyMemory<byte> input)
    {
        FileId = fileId;
        InfoType = infoType;
        InfoClass = infoClass;
        OutputBufferLength = outputBufferLength;
        AdditionalInformation = additionalInformation;
        Input = input;
    }

    public SmbFileId FileId { get; }

    public SmbInfoType InfoType { get; }

    public byte InfoClass { get; }

    public int OutputBufferLength { get; }

    public uint AdditionalInformation { get; }

    public ReadOnlyMemory<byte> Input { get; }

    public SmbCommand Command => SmbCommand.QueryInfo;

    public int BodySize => FixedSize + SmbWriter.BufferSize(Input.Length); // + Buffer: the input

    public int ExpectedResponseSize => OutputBufferLength;

    public void WriteBody(Span<byte> body)
    {
        var w = new SmbWriter(body);
        w.UInt16(41); // StructureSize
        w.UInt8((byte)InfoType);
        w.UInt8(InfoClass); // FileInfoClass
        w.UInt32((uint)OutputBufferLength);
        w.UInt16((ushort)(Input.IsEmpty ? 0 : SmbHeader.Size + FixedSize)); // InputBufferOffset
        w.UInt16(0); // Reserved
        w.UInt32((uint)Input.Length); // InputBufferLength
        w.UInt32(AdditionalInformation);
        w.UInt32(0); // Flags: only quota queries use them (SL_RESTART_SCAN, …), through the input's own fields
        FileId.Write(ref w);
        w.Buffer(Input.Span);
        w.AssertWritten(BodySize);
    }
}
