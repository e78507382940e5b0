// MS-SMB2 2.2.15 CLOSE, 2.2.17 FLUSH and 2.2.24.1 Oplock Break Acknowledgment requests: one 24-byte body
namespace DokanRedirector.Smb.Messages;

/// <summary>
/// The requests whose body is StructureSize (24), one 16-bit field, 4 reserved bytes and a FileId: CLOSE
/// (Flags), FLUSH (Reserved1) and the oplock break acknowledgment (OplockLevel and a reserved byte).
/// </summary>
internal readonly struct FileIdRequest : ISmbRequest
{
    private const int Size =
        sizeof(ushort) // StructureSize (24)
        + sizeof(ushort) // Flags (CLOSE), Reserved1 (FLUSH), OplockLevel + Reserved (OPLOCK_BREAK)
        + sizeof(uint) // Reserved / Reserved2
        + SmbFileId.Size; // FileId

    private readonly ushort _field;

    private FileIdRequest(SmbCommand command, ushort field, SmbFileId fileId)
    {
        Command = command;
        _field = field;
        FileId = fileId;
    }

    public SmbCommand Command { get; }

    public SmbFileId FileId { get; }

    public int BodySize => Size;

    public int ExpectedResponseSize => 0;

    /// <param name="postQueryAttributes">SMB2_CLOSE_FLAG_POSTQUERY_ATTRIB: the response reports times, sizes and attributes.</param>
    public static FileIdRequest Close(SmbFileId fileId, bool postQueryAttributes) =>
        new(SmbCommand.Close, (ushort)(postQueryAttributes ? SmbCloseFlags.PostQueryAttributes : SmbCloseFlags.None), fileId);

    public static FileIdRequest Flush(SmbFileId fileId) => new(SmbCommand.Flush, 0, fileId);

    /// <summary>Acknowledges an oplock break by accepting <paramref name="level"/> (the byte after it is reserved).</summary>
    public static FileIdRequest OplockBreakAcknowledgment(SmbFileId fileId, SmbOplockLevel level) =>
        new(SmbCommand.OplockBreak, (byte)level, fileId);

    public void WriteBody(Span<byte> body)
    {
        var w = new SmbWriter(body);
        w.UInt16(24); // StructureSize
        w.UInt16(_field);
        w.UInt32(0); // Reserved
        FileId.Write(ref w);
        w.AssertWritten(BodySize);
    }
}
