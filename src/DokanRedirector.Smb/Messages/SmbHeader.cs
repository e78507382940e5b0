// MS-SMB2 2.2.1 SMB2 Packet Header (2.2.1.1 ASYNC, 2.2.1.2 SYNC)
using System.Buffers.Binary;

namespace DokanRedirector.Smb.Messages;

/// <summary>The 64-byte header in front of every SMB2 message, sync and async forms.</summary>
internal struct SmbHeader
{
    public const int Size = 64;
    public const uint ProtocolId = 0x424D53FE; // 0xFE 'S' 'M' 'B', little-endian
    public const int CommandOffset = 12;
    public const int FlagsOffset = 16;
    public const int MessageIdOffset = 24;
    public const int SignatureOffset = 48;
    public const int SignatureSize = 16;

    /// <summary>The MessageId of unsolicited oplock and lease break notifications.</summary>
    public const ulong UnsolicitedMessageId = ulong.MaxValue;

    public ushort CreditCharge;
    public uint Status; // requests of 3.x carry ChannelSequence in the low 16 bits
    public SmbCommand Command;
    public ushort Credits; // CreditRequest in a request, CreditResponse in a response
    public SmbHeaderFlags Flags;
    public uint NextCommand;
    public ulong MessageId;
    public ulong AsyncId; // async form only
    public uint TreeId; // sync form only
    public ulong SessionId;

    public readonly bool IsAsync => (Flags & SmbHeaderFlags.AsyncCommand) != 0;

    public readonly bool IsSigned => (Flags & SmbHeaderFlags.Signed) != 0;

    public readonly NtStatus NtStatus => new(Status);

    /// <summary>Writes the header with a zero signature; signing fills it in later.</summary>
    public readonly void Write(Span<byte> destination)
    {
        var d = destination[..Size];
        BinaryPrimitives.WriteUInt32LittleEndian(d, ProtocolId);
        BinaryPrimitives.WriteUInt16LittleEndian(d[4..], Size); // StructureSize
        BinaryPrimitives.WriteUInt16LittleEndian(d[6..], CreditCharge);
        BinaryPrimitives.WriteUInt32LittleEndian(d[8..], Status);
        BinaryPrimitives.WriteUInt16LittleEndian(d[CommandOffset..], (ushort)Command);
        BinaryPrimitives.WriteUInt16LittleEndian(d[14..], Credits);
        BinaryPrimitives.WriteUInt32LittleEndian(d[FlagsOffset..], (uint)Flags);
        BinaryPrimitives.WriteUInt32LittleEndian(d[20..], NextCommand);
        BinaryPrimitives.WriteUInt64LittleEndian(d[MessageIdOffset..], MessageId);
        if (IsAsync)
        {
            BinaryPrimitives.WriteUInt64LittleEndian(d[32..], AsyncId);
        }
        else
        {
            BinaryPrimitives.WriteUInt32LittleEndian(d[32..], 0); // Reserved
            BinaryPrimitives.WriteUInt32LittleEndian(d[36..], TreeId);
        }
        BinaryPrimitives.WriteUInt64LittleEndian(d[40..], SessionId);
        d[SignatureOffset..].Clear();
    }

    /// <summary>Reads and checks a header; <paramref name="source"/> is the message from its first byte.</summary>
    public static SmbHeader Read(ReadOnlySpan<byte> source)
    {
        if (source.Length < Size)
        {
            throw new SmbProtocolException($"An SMB2 message of {source.Length} bytes is shorter than its {Size}-byte header.");
        }
        var protocolId = BinaryPrimitives.ReadUInt32LittleEndian(source);
        if (protocolId != ProtocolId)
        {
            throw new SmbProtocolException($"Expected the SMB2 protocol id 0xFE'SMB', got 0x{protocolId:X8}.");
        }
        var structureSize = BinaryPrimitives.ReadUInt16LittleEndian(source[4..]);
        if (structureSize != Size)
        {
            throw new SmbProtocolException($"SMB2 header StructureSize is {structureSize}, expected {Size}.");
        }
        var header = new SmbHeader
        {
            CreditCharge = BinaryPrimitives.ReadUInt16LittleEndian(source[6..]),
            Status = BinaryPrimitives.ReadUInt32LittleEndian(source[8..]),
            Command = (SmbCommand)BinaryPrimitives.ReadUInt16LittleEndian(source[12..]),
            Credits = BinaryPrimitives.ReadUInt16LittleEndian(source[14..]),
            Flags = (SmbHeaderFlags)BinaryPrimitives.ReadUInt32LittleEndian(source[16..]),
            NextCommand = BinaryPrimitives.ReadUInt32LittleEndian(source[20..]),
            MessageId = BinaryPrimitives.ReadUInt64LittleEndian(source[24..]),
            SessionId = BinaryPrimitives.ReadUInt64LittleEndian(source[40..]),
        };
        if (header.IsAsync)
        {
            header.AsyncId = BinaryPrimitives.ReadUInt64LittleEndian(source[32..]);
        }
        else
        {
            header.TreeId = BinaryPrimitives.ReadUInt32LittleEndian(source[36..]);
        }
        return header;
    }
}
