// MS-SMB2 2.2.13 SMB2 CREATE Request, 2.2.14 SMB2 CREATE Response
using System.Buffers.Binary;
using System.Text;

namespace DokanRedirector.Smb.Messages;

internal readonly struct CreateRequest : ISmbRequest
{
    private const int FixedSize =
        sizeof(ushort) // StructureSize (57)
        + sizeof(byte) // SecurityFlags
        + sizeof(byte) // RequestedOplockLevel
        + sizeof(uint) // ImpersonationLevel
        + sizeof(ulong) // SmbCreateFlags
        + sizeof(ulong) // Reserved
        + sizeof(uint) // DesiredAccess
        + sizeof(uint) // FileAttributes
        + sizeof(uint) // ShareAccess
        + sizeof(uint) // CreateDisposition
        + sizeof(uint) // CreateOptions
        + sizeof(ushort) // NameOffset
        + sizeof(ushort) // NameLength
        + sizeof(uint) // CreateContextsOffset
        + sizeof(uint); // CreateContextsLength

    private const int NameOffset = SmbHeader.Size + FixedSize;

    private readonly int _nameLength;
    private readonly int _contextsLength;

    /// <param name="name">Share-relative, no leading backslash; empty opens the share root.</param>
    /// <param name="leaseV2">Send the 52-byte RqLs of 3.x rather than the 32-byte one of 2.1.</param>
    public CreateRequest(string name, SmbCreateOptions options, bool leaseV2)
    {
        Name = name;
        Options = options;
        LeaseV2 = leaseV2;
        _nameLength = Encoding.Unicode.GetByteCount(name);
        _contextsLength = CreateContexts.RequestLength(options, leaseV2);
    }

    public string Name { get; }

    public SmbCreateOptions Options { get; }

    public bool LeaseV2 { get; }

    public SmbCommand Command => SmbCommand.Create;

    // Buffer: the name, then (8-aligned) the create contexts; at least one byte.
    public int BodySize => FixedSize + (_contextsLength == 0
        ? SmbWriter.BufferSize(_nameLength)
        : _nameLength + SmbWriter.Padding8(NameOffset + _nameLength) + _contextsLength);

    public int ExpectedResponseSize => 0;

    public void WriteBody(Span<byte> body)
    {
        var w = new SmbWriter(body);
        var contextsOffset = _contextsLength == 0 ? 0 : NameOffset + _nameLength + SmbWriter.Padding8(NameOffset + _nameLength);
        w.UInt16(57); // StructureSize
        w.UInt8(0); // SecurityFlags
        w.UInt8((byte)(Options.Lease is null ? Options.OplockLevel : SmbOplockLevel.Lease)); // RequestedOplockLevel
        w.UInt32((uint)Options.ImpersonationLevel);
        w.UInt64(0); // SmbCreateFlags
        w.UInt64(0); // Reserved
        w.UInt32((uint)Options.DesiredAccess);
        w.UInt32((uint)Options.Attributes); // FileAttributes
        w.UInt32((uint)Options.ShareAccess);
        w.UInt32((uint)Options.Disposition); // CreateDisposition
        w.UInt32((uint)Options.Options); // CreateOptions
        w.UInt16(NameOffset);
        w.UInt16((ushort)_nameLength);
        w.UInt32((uint)contextsOffset); // CreateContextsOffset
        w.UInt32((uint)_contextsLength); // CreateContextsLength
        if (_contextsLength == 0)
        {
            Span<byte> name = w.Take(SmbWriter.BufferSize(_nameLength));
            name.Clear();
            Encoding.Unicode.GetBytes(Name, name);
        }
        else
        {
            Encoding.Unicode.GetBytes(Name, w.Take(_nameLength));
            w.Align8();
            CreateContexts.Write(ref w, Options, LeaseV2);
        }
        w.AssertWritten(BodySize);
    }
}

internal readonly record struct CreateResponse(
    SmbOplockLevel OplockLevel,
    NtCreateAction CreateAction,
    SmbNetworkOpenInfo Info,
    SmbFileId FileId,
    CreateResponseContexts Contexts)
{
    private const int FixedSize = 88; // StructureSize says 89: the fixed part plus one buffer byte

    public static CreateResponse Read(ReadOnlySpan<byte> message)
    {
        var body = WireReader.Body(message, 89, FixedSize, "CREATE response");
        // StructureSize(2) OplockLevel(1) Flags(1) CreateAction(4), then the FILE_NETWORK_OPEN_INFORMATION
        // fields (52), Reserved2(4), FileId(16), CreateContextsOffset(4), CreateContextsLength(4).
        var contextsOffset = BinaryPrimitives.ReadUInt32LittleEndian(body[80..]);
        var contextsLength = BinaryPrimitives.ReadUInt32LittleEndian(body[84..]);
        // A uint past int.MaxValue turns negative, which WireReader.Buffer rejects.
        var contexts = CreateContexts.Read(message, (int)contextsOffset, (int)contextsLength);
        return new CreateResponse(
            (SmbOplockLevel)body[2],
            (NtCreateAction)BinaryPrimitives.ReadUInt32LittleEndian(body[4..]),
            SmbNetworkOpenInfo.Read(body[8..]),
            SmbFileId.Read(body[64..]),
            contexts);
    }
}
