// MS-SMB2 2.2.5 SMB2 SESSION_SETUP Request, 2.2.6 SMB2 SESSION_SETUP Response
using System.Buffers.Binary;

namespace DokanRedirector.Smb.Messages;

internal readonly struct SessionSetupRequest : ISmbRequest
{
    private const int FixedSize =
        sizeof(ushort) // StructureSize (25)
        + sizeof(byte) // Flags
        + sizeof(byte) // SecurityMode
        + sizeof(uint) // Capabilities
        + sizeof(uint) // Channel
        + sizeof(ushort) // SecurityBufferOffset
        + sizeof(ushort) // SecurityBufferLength
        + sizeof(ulong); // PreviousSessionId

    public SessionSetupRequest(SmbSecurityMode securityMode, SmbCapabilities capabilities, ReadOnlyMemory<byte> securityBuffer)
    {
        SecurityMode = securityMode;
        Capabilities = capabilities;
        SecurityBuffer = securityBuffer;
    }

    public SmbSecurityMode SecurityMode { get; }

    public SmbCapabilities Capabilities { get; }

    /// <summary>The SPNEGO token of this leg.</summary>
    public ReadOnlyMemory<byte> SecurityBuffer { get; }

    public SmbCommand Command => SmbCommand.SessionSetup;

    public int BodySize => FixedSize + SecurityBuffer.Length; // + Buffer

    public int ExpectedResponseSize => 0;

    public void WriteBody(Span<byte> body)
    {
        var w = new SmbWriter(body);
        w.UInt16(25); // StructureSize
        w.UInt8(0); // Flags: no binding
        w.UInt8((byte)SecurityMode);
        w.UInt32((uint)(Capabilities & SmbCapabilities.Dfs)); // only DFS is meaningful here
        w.UInt32(0); // Channel
        w.UInt16((ushort)(SmbHeader.Size + FixedSize)); // SecurityBufferOffset
        w.UInt16((ushort)SecurityBuffer.Length);
        w.UInt64(0); // PreviousSessionId
        w.Bytes(SecurityBuffer.Span);
        w.AssertWritten(BodySize);
    }
}

internal readonly struct SessionSetupResponse
{
    private const int FixedSize = 8; // StructureSize says 9

    private SessionSetupResponse(SmbSessionFlags sessionFlags, byte[] securityBuffer)
    {
        SessionFlags = sessionFlags;
        SecurityBuffer = securityBuffer;
    }

    public SmbSessionFlags SessionFlags { get; }

    public byte[] SecurityBuffer { get; }

    public static SessionSetupResponse Read(ReadOnlySpan<byte> message)
    {
        var body = WireReader.Body(message, 9, FixedSize, "SESSION_SETUP response");
        var flags = (SmbSessionFlags)BinaryPrimitives.ReadUInt16LittleEndian(body[2..]);
        var offset = BinaryPrimitives.ReadUInt16LittleEndian(body[4..]);
        var length = BinaryPrimitives.ReadUInt16LittleEndian(body[6..]);
        return new SessionSetupResponse(flags, WireReader.Buffer(message, offset, length, "SESSION_SETUP SecurityBuffer").ToArray());
    }
}
