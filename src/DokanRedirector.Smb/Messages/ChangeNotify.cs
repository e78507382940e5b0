// MS-SMB2 2.2.35 SMB2 CHANGE_NOTIFY Request (2.2.36, the response, is an OutputBufferResponse)
namespace DokanRedirector.Smb.Messages;

internal readonly struct ChangeNotifyRequest : ISmbRequest
{
    private const int Size =
        sizeof(ushort) // StructureSize (32)
        + sizeof(ushort) // Flags
        + sizeof(uint) // OutputBufferLength
        + SmbFileId.Size // FileId
        + sizeof(uint) // CompletionFilter
        + sizeof(uint); // Reserved

    /// <param name="outputBufferLength">The most FILE_NOTIFY_INFORMATION bytes the response may carry.</param>
    public ChangeNotifyRequest(SmbFileId fileId, SmbChangeNotifyFlags flags, int outputBufferLength, NtNotifyFilter completionFilter)
    {
        FileId = fileId;
        Flags = flags;
        OutputBufferLength = outputBufferLength;
        CompletionFilter = completionFilter;
    }

    public SmbFileId FileId { get; }

    public SmbChangeNotifyFlags Flags { get; }

    public int OutputBufferLength { get; }

    public NtNotifyFilter CompletionFilter { get; }

    public SmbCommand Command => SmbCommand.ChangeNotify;

    // StructureSize 32 is even: unlike QUERY_DIRECTORY or QUERY_INFO there is no variable Buffer to count.
    public int BodySize => Size;

    public int ExpectedResponseSize => OutputBufferLength;

    public void WriteBody(Span<byte> body)
    {
        var w = new SmbWriter(body);
        w.UInt16(32); // StructureSize
        w.UInt16((ushort)Flags);
        w.UInt32((uint)OutputBufferLength);
        FileId.Write(ref w);
        w.UInt32((uint)CompletionFilter);
        w.UInt32(0); // Reserved
        w.AssertWritten(BodySize);
    }
}
