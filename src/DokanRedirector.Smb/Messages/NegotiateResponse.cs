// MS-SMB2 2.2.4 SMB2 NEGOTIATE Response
using System.Buffers.Binary;
using DokanRedirector.Smb.Crypto;

namespace DokanRedirector.Smb.Messages;

internal struct NegotiateResponse
{
    private const int FixedSize = 64; // StructureSize says 65: the fixed part plus one buffer byte

    public SmbSecurityMode SecurityMode;
    public SmbDialect DialectRevision;
    public Guid ServerGuid;
    public SmbCapabilities Capabilities;
    public uint MaxTransactSize;
    public uint MaxReadSize;
    public uint MaxWriteSize;
    public DateTime SystemTime;
    public byte[] SecurityBuffer;

    // From the 3.1.1 negotiate contexts; 0 when absent.
    public ushort PreauthHashAlgorithm;
    public SmbCipher Cipher;
    public SmbSigningAlgorithm SigningAlgorithm;

    public static NegotiateResponse Read(ReadOnlySpan<byte> message)
    {
        var body = WireReader.Body(message, 65, FixedSize, "NEGOTIATE response");
        var response = new NegotiateResponse
        {
            SecurityMode = (SmbSecurityMode)BinaryPrimitives.ReadUInt16LittleEndian(body[2..]),
            DialectRevision = (SmbDialect)BinaryPrimitives.ReadUInt16LittleEndian(body[4..]),
            ServerGuid = new Guid(body.Slice(8, 16)),
            Capabilities = (SmbCapabilities)BinaryPrimitives.ReadUInt32LittleEndian(body[24..]),
            MaxTransactSize = BinaryPrimitives.ReadUInt32LittleEndian(body[28..]),
            MaxReadSize = BinaryPrimitives.ReadUInt32LittleEndian(body[32..]),
            MaxWriteSize = BinaryPrimitives.ReadUInt32LittleEndian(body[36..]),
            SystemTime = WireReader.FileTime(body[40..]),
        };
        var securityOffset = BinaryPrimitives.ReadUInt16LittleEndian(body[56..]);
        var securityLength = BinaryPrimitives.ReadUInt16LittleEndian(body[58..]);
        response.SecurityBuffer = WireReader.Buffer(message, securityOffset, securityLength, "NEGOTIATE SecurityBuffer").ToArray();
        if (response.DialectRevision == SmbDialect.Smb311)
        {
            var contextCount = BinaryPrimitives.ReadUInt16LittleEndian(body[6..]);
            var contextOffset = BinaryPrimitives.ReadInt32LittleEndian(body[60..]);
            response.SigningAlgorithm = SmbSigningAlgorithm.AesCmac; // 3.x default without a SIGNING context
            NegotiateContexts.Read(message, contextOffset, contextCount, ref response);
        }
        return response;
    }
}
