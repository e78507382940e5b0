// MS-SMB2 2.2.33 SMB2 QUERY_DIRECTORY Request (2.2.34, the response, is an OutputBufferResponse)
using System.Text;

namespace DokanRedirector.Smb.Messages;

internal readonly struct QueryDirectoryRequest : ISmbRequest
{
    private const int FixedSize =
        sizeof(ushort) // StructureSize (33)
        + sizeof(byte) // FileInformationClass
        + sizeof(byte) // Flags
        + sizeof(uint) // FileIndex
        + SmbFileId.Size // FileId
        + sizeof(ushort) // FileNameOffset
        + sizeof(ushort) // FileNameLength
        + sizeof(uint); // OutputBufferLength

    private readonly int _patternLength;

    /// <param name="fileInformationClass">An MS-FSCC 2.4 directory class, e.g. 37 FileIdBothDirectoryInformation.</param>
    /// <param name="pattern">The search pattern, e.g. <c>*</c>; wildcards as in MS-FSCC 2.1.4.4.</param>
    public QueryDirectoryRequest(SmbFileId fileId, byte fileInformationClass, SmbQueryDirectoryFlags flags, uint fileIndex, string pattern, int outputBufferLength)
    {
        FileId = fileId;
        FileInformationClass = fileInformationClass;
        Flags = flags;
        FileIndex = fileIndex;
        Pattern = pattern;
        OutputBufferLength = outputBufferLength;
        _patternLength = Encoding.Unicode.GetByteCount(pattern);
    }

    public SmbFileId FileId { get; }

    public byte FileInformationClass { get; }

    public SmbQueryDirectoryFlags Flags { get; }

    public uint FileIndex { get; }

    public string Pattern { get; }

    public int OutputBufferLength { get; }

    public SmbCommand Command => SmbCommand.QueryDirectory;

    public int BodySize => FixedSize + SmbWriter.BufferSize(_patternLength); // + Buffer: the pattern in UTF-16LE

    public int ExpectedResponseSize => OutputBufferLength;

    public void WriteBody(Span<byte> body)
    {
        var w = new SmbWriter(body);
        w.UInt16(33); // StructureSize
        w.UInt8(FileInformationClass);
        w.UInt8((byte)Flags);
        w.UInt32(FileIndex);
        FileId.Write(ref w);
        w.UInt16((ushort)(_patternLength == 0 ? 0 : SmbHeader.Size + FixedSize)); // FileNameOffset
        w.UInt16((ushort)_patternLength); // FileNameLength
        w.UInt32((uint)OutputBufferLength);
        var buffer = w.Take(SmbWriter.BufferSize(_patternLength));
        buffer.Clear();
        Encoding.Unicode.GetBytes(Pattern, buffer);
        w.AssertWritten(BodySize);
    }
}
