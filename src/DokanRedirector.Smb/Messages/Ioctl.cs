// MS-SMB2 2.2.31 SMB2 IOCTL Request, 2.2.32 SMB2 IOCTL Response
using System.Buffers.Binary;

namespace DokanRedirector.Smb.Messages;

internal readonly struct IoctlRequest : ISmbRequest
{
    private const int FixedSize =
        sizeof(ushort) // StructureSize (57)
        + sizeof(ushort) // Reserved
        + sizeof(uint) // CtlCode
        + SmbFileId.Size // FileId
        + sizeof(uint) // InputOffset
        + sizeof(uint) // InputCount
        + sizeof(uint) // MaxInputResponse
        + sizeof(uint) // OutputOffset
        + sizeof(uint) // OutputCount
        + sizeof(uint) // MaxOutputResponse
        + sizeof(uint) // Flags
        + sizeof(uint); // Reserved2

    /// <param name="fileId">The open it applies to; <see cref="SmbFileId.Any"/> for FSCTLs on the tree (VALIDATE_NEGOTIATE_INFO).</param>
    /// <param name="isFsctl">SMB2_0_IOCTL_IS_FSCTL: a file system control; servers accept nothing else.</param>
    public IoctlRequest(uint ctlCode, SmbFileId fileId, ReadOnlyMemory<byte> input, int maxOutputResponse, bool isFsctl)
    {
        CtlCode = ctlCode;
        FileId = fileId;
        Input = input;
        MaxOutputResponse = maxOutputResponse;
        IsFsctl = isFsctl;
    }

    public uint CtlCode { get; }

    public SmbFileId FileId { get; }

    public ReadOnlyMemory<byte> Input { get; }

    public int MaxOutputResponse { get; }

    public bool IsFsctl { get; }

    public SmbCommand Command => SmbCommand.Ioctl;

    public int BodySize => FixedSize + SmbWriter.BufferSize(Input.Length); // + Buffer: the input

    public int ExpectedResponseSize => MaxOutputResponse;

    public void WriteBody(Span<byte> body)
    {
        var w = new SmbWriter(body);
        w.UInt16(57); // StructureSize
        w.UInt16(0); // Reserved
        w.UInt32(CtlCode);
        FileId.Write(ref w);
        w.UInt32((uint)(Input.IsEmpty ? 0 : SmbHeader.Size + FixedSize)); // InputOffset
        w.UInt32((uint)Input.Length); // InputCount
        w.UInt32(0); // MaxInputResponse: no FSCTL we send returns input
        w.UInt32(0); // OutputOffset: we send no output buffer
        w.UInt32(0); // OutputCount
        w.UInt32((uint)MaxOutputResponse);
        w.UInt32((uint)(IsFsctl ? SmbIoctlFlags.IsFsctl : SmbIoctlFlags.None)); // Flags
        w.UInt32(0); // Reserved2
        w.Buffer(Input.Span);
        w.AssertWritten(BodySize);
    }
}

/// <summary>The output lies at <see cref="OutputOffset"/> for <see cref="OutputLength"/> bytes, checked against the message.</summary>
internal readonly record struct IoctlResponse(uint CtlCode, SmbFileId FileId, int OutputOffset, int OutputLength)
{
    private const int FixedSize = 48; // StructureSize says 49

    public ReadOnlySpan<byte> Output(ReadOnlySpan<byte> message) => message.Slice(OutputOffset, OutputLength);

    public static IoctlResponse Read(ReadOnlySpan<byte> message)
    {
        // StructureSize(2) Reserved(2) CtlCode(4) FileId(16) InputOffset(4) InputCount(4) OutputOffset(4)
        // OutputCount(4) Flags(4) Reserved2(4)
        var body = WireReader.Body(message, 49, FixedSize, "IOCTL response");
        // Past int.MaxValue a uint turns negative, which BufferOffset rejects.
        var length = (int)BinaryPrimitives.ReadUInt32LittleEndian(body[36..]);
        var offset = WireReader.BufferOffset(message, (int)BinaryPrimitives.ReadUInt32LittleEndian(body[32..]), length, "IOCTL response output");
        return new IoctlResponse(BinaryPrimitives.ReadUInt32LittleEndian(body[4..]), SmbFileId.Read(body[8..]), offset, length);
    }
}
