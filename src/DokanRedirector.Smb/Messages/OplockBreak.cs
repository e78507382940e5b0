// MS-SMB2 2.2.23.1 Oplock Break Notification and 2.2.25.1 Oplock Break Response: one layout.
// The acknowledgment (2.2.24.1) is a FileIdRequest.
namespace DokanRedirector.Smb.Messages;

/// <summary>
/// An oplock break the server announces (new <see cref="OplockLevel"/> the holder must drop to), or the
/// server's answer to our acknowledgment (the level now held).
/// </summary>
internal readonly record struct OplockBreak(SmbOplockLevel OplockLevel, SmbFileId FileId)
{
    public const ushort StructureSize = 24;

    public static OplockBreak Read(ReadOnlySpan<byte> message)
    {
        // StructureSize(2) OplockLevel(1) Reserved(1) Reserved2(4) FileId(16)
        var body = WireReader.Body(message, StructureSize, StructureSize, "OPLOCK_BREAK");
        return new OplockBreak((SmbOplockLevel)body[2], SmbFileId.Read(body[8..]));
    }
}
