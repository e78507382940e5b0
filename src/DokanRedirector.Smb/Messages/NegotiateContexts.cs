// MS-SMB2 2.2.3.1 NEGOTIATE_CONTEXT (2.2.3.1.1 PREAUTH_INTEGRITY, 2.2.3.1.2 ENCRYPTION, 2.2.3.1.7 SIGNING)
using System.Buffers.Binary;
using DokanRedirector.Smb.Crypto;

namespace DokanRedirector.Smb.Messages;

/// <summary>Negotiate context types and hash ids (ciphers and signing algorithms: <see cref="SmbCipher"/>, <see cref="SmbSigningAlgorithm"/>), and the context reader.</summary>
internal static class NegotiateContexts
{
    public const ushort PreauthIntegrityCapabilities = 0x0001;
    public const ushort EncryptionCapabilities = 0x0002;
    public const ushort SigningCapabilities = 0x0008;

    public const ushort HashSha512 = 0x0001;
    public const int SaltSize = 32;

    /// <summary>ContextType(2) + DataLength(2) + Reserved(4).</summary>
    public const int ContextHeaderSize = sizeof(ushort) + sizeof(ushort) + sizeof(uint);

    /// <summary>Writes one context header and returns the writer positioned at its data.</summary>
    public static void WriteHeader(ref SmbWriter writer, ushort type, int dataLength)
    {
        writer.UInt16(type); // ContextType
        writer.UInt16((ushort)dataLength); // DataLength
        writer.UInt32(0); // Reserved
    }

    /// <summary>
    /// Reads the response contexts of a 3.1.1 NEGOTIATE response. The server picks exactly one hash,
    /// one cipher (0 = none in common) and one signing algorithm.
    /// </summary>
    public static void Read(ReadOnlySpan<byte> message, int offset, int count, ref NegotiateResponse response)
    {
        if (count == 0)
        {
            return;
        }
        if (offset < SmbHeader.Size || offset > message.Length)
        {
            throw new SmbProtocolException($"NegotiateContextOffset {offset} lies outside the {message.Length}-byte NEGOTIATE response.");
        }
        var position = offset;
        for (var i = 0; i < count; i++)
        {
            position += SmbWriter.Padding8(position);
            var context = WireReader.Buffer(message, position, ContextHeaderSize, "NEGOTIATE_CONTEXT header");
            var type = BinaryPrimitives.ReadUInt16LittleEndian(context);
            var length = BinaryPrimitives.ReadUInt16LittleEndian(context[2..]);
            var data = WireReader.Buffer(message, position + ContextHeaderSize, length, "NEGOTIATE_CONTEXT data");
            switch (type)
            {
                case PreauthIntegrityCapabilities:
                    // HashAlgorithmCount(2) SaltLength(2) HashAlgorithms(2*n) Salt
                    WireReader.Require(data, 6, "PREAUTH_INTEGRITY_CAPABILITIES");
                    if (BinaryPrimitives.ReadUInt16LittleEndian(data) != 1)
                    {
                        throw new SmbProtocolException("The server must select exactly one preauth integrity hash.");
                    }
                    response.PreauthHashAlgorithm = BinaryPrimitives.ReadUInt16LittleEndian(data[4..]);
                    break;
                case EncryptionCapabilities:
                    // CipherCount(2) Ciphers(2*n)
                    WireReader.Require(data, 4, "ENCRYPTION_CAPABILITIES");
                    response.Cipher = (SmbCipher)BinaryPrimitives.ReadUInt16LittleEndian(data[2..]);
                    break;
                case SigningCapabilities:
                    // SigningAlgorithmCount(2) SigningAlgorithms(2*n)
                    WireReader.Require(data, 4, "SIGNING_CAPABILITIES");
                    response.SigningAlgorithm = (SmbSigningAlgorithm)BinaryPrimitives.ReadUInt16LittleEndian(data[2..]);
                    break;
                default:
                    break; // contexts we did not offer are ignored (MS-SMB2 3.2.5.2)
            }
            position += ContextHeaderSize + length;
        }
    }
}
