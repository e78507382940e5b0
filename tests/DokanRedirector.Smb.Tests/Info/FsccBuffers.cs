using System.Buffers.Binary;
using System.Text;

namespace DokanRedirector.Smb.Tests.Info;

/// <summary>Hand-built MS-FSCC output buffers, field by field at their spec offsets.</summary>
internal static class FsccBuffers
{
    public const long Created = 0x01D9_1234_5678_9ABC;
    public const long Accessed = Created + 1;
    public const long Written = Created + 2;
    public const long Changed = Created + 3;

    // MS-FSCC 2.4.7: four times, FileAttributes, Reserved.
    public static byte[] Basic(uint attributes = 0x20)
    {
        var b = new byte[40];
        Times(b, 0);
        BinaryPrimitives.WriteUInt32LittleEndian(b.AsSpan(32), attributes);
        return b;
    }

    // MS-FSCC 2.4.47: AllocationSize, EndOfFile, NumberOfLinks, DeletePending, Directory, Reserved.
    public static byte[] Standard(long allocation = 8192, long endOfFile = 5000, uint links = 1, bool deletePending = false, bool directory = false)
    {
        var b = new byte[24];
        BinaryPrimitives.WriteInt64LittleEndian(b, allocation);
        BinaryPrimitives.WriteInt64LittleEndian(b.AsSpan(8), endOfFile);
        BinaryPrimitives.WriteUInt32LittleEndian(b.AsSpan(16), links);
        b[20] = deletePending ? (byte)1 : (byte)0;
        b[21] = directory ? (byte)1 : (byte)0;
        return b;
    }

    // MS-FSCC 2.4.2: Basic, Standard, IndexNumber, EaSize, AccessFlags, CurrentByteOffset, Mode, AlignmentRequirement, FileNameLength, FileName.
    public static byte[] All(string name)
    {
        var tail = new byte[36];
        BinaryPrimitives.WriteInt64LittleEndian(tail, 0x1122334455667788);
        BinaryPrimitives.WriteUInt32LittleEndian(tail.AsSpan(8), 0); // EaSize
        BinaryPrimitives.WriteUInt32LittleEndian(tail.AsSpan(12), 0x0012019F); // AccessFlags
        BinaryPrimitives.WriteInt64LittleEndian(tail.AsSpan(16), 0); // CurrentByteOffset
        BinaryPrimitives.WriteUInt32LittleEndian(tail.AsSpan(24), 0x20); // Mode: FILE_SYNCHRONOUS_IO_NONALERT
        BinaryPrimitives.WriteUInt32LittleEndian(tail.AsSpan(28), 0); // AlignmentRequirement
        BinaryPrimitives.WriteInt32LittleEndian(tail.AsSpan(32), Encoding.Unicode.GetByteCount(name));
        return [.. Basic(), .. Standard(), .. tail, .. Encoding.Unicode.GetBytes(name)];
    }

    // MS-FSCC 2.4.33: four times, AllocationSize, EndOfFile, FileAttributes, Reserved.
    public static byte[] NetworkOpen()
    {
        var b = new byte[56];
        Times(b, 0);
        BinaryPrimitives.WriteInt64LittleEndian(b.AsSpan(32), 1 << 20);
        BinaryPrimitives.WriteInt64LittleEndian(b.AsSpan(40), 1_000_000);
        BinaryPrimitives.WriteUInt32LittleEndian(b.AsSpan(48), 0x21); // ReadOnly | Archive
        return b;
    }

    // MS-FSCC 2.5.8: TotalAllocationUnits, AvailableAllocationUnits, SectorsPerAllocationUnit, BytesPerSector.
    public static byte[] FsSize()
    {
        var b = new byte[24];
        BinaryPrimitives.WriteInt64LittleEndian(b, 1_000_000);
        BinaryPrimitives.WriteInt64LittleEndian(b.AsSpan(8), 250_000);
        BinaryPrimitives.WriteUInt32LittleEndian(b.AsSpan(16), 8);
        BinaryPrimitives.WriteUInt32LittleEndian(b.AsSpan(20), 512);
        return b;
    }

    // MS-FSCC 2.5.4: Total, CallerAvailable, ActualAvailable, SectorsPerAllocationUnit, BytesPerSector.
    public static byte[] FsFullSize()
    {
        var b = new byte[32];
        BinaryPrimitives.WriteInt64LittleEndian(b, 1_000_000);
        BinaryPrimitives.WriteInt64LittleEndian(b.AsSpan(8), 200_000);
        BinaryPrimitives.WriteInt64LittleEndian(b.AsSpan(16), 250_000);
        BinaryPrimitives.WriteUInt32LittleEndian(b.AsSpan(24), 1);
        BinaryPrimitives.WriteUInt32LittleEndian(b.AsSpan(28), 4096);
        return b;
    }

    // MS-FSCC 2.5.1: FileSystemAttributes, MaximumComponentNameLength, FileSystemNameLength, FileSystemName.
    public static byte[] FsAttribute(string name = "NTFS", int maxComponent = 255)
    {
        var b = new byte[12];
        BinaryPrimitives.WriteUInt32LittleEndian(b, 0x0004_0007); // case-sensitive, case-preserved, Unicode, named streams
        BinaryPrimitives.WriteInt32LittleEndian(b.AsSpan(4), maxComponent);
        BinaryPrimitives.WriteInt32LittleEndian(b.AsSpan(8), Encoding.Unicode.GetByteCount(name));
        return [.. b, .. Encoding.Unicode.GetBytes(name)];
    }

    // MS-FSCC 2.5.9: VolumeCreationTime, VolumeSerialNumber, VolumeLabelLength, SupportsObjects, Reserved, VolumeLabel.
    public static byte[] FsVolume(string label = "data")
    {
        var b = new byte[18];
        BinaryPrimitives.WriteInt64LittleEndian(b, Created);
        BinaryPrimitives.WriteUInt32LittleEndian(b.AsSpan(8), 0xCAFEF00D);
        BinaryPrimitives.WriteInt32LittleEndian(b.AsSpan(12), Encoding.Unicode.GetByteCount(label));
        return [.. b, .. Encoding.Unicode.GetBytes(label)];
    }

    // MS-FSCC 2.7.1: NextEntryOffset (0: the last), Action, FileNameLength, FileName.
    public static byte[] Notify(NtNotifyAction action, string name)
    {
        var nameBytes = Encoding.Unicode.GetBytes(name);
        var b = new byte[12 + nameBytes.Length];
        BinaryPrimitives.WriteUInt32LittleEndian(b.AsSpan(4), (uint)action);
        BinaryPrimitives.WriteInt32LittleEndian(b.AsSpan(8), nameBytes.Length);
        nameBytes.CopyTo(b, 12);
        return b;
    }

    // Chains FILE_NOTIFY_INFORMATION entries: each but the last padded to 4 bytes, its NextEntryOffset the padded length.
    public static byte[] NotifyChain(params byte[][] entries)
    {
        var buffer = new List<byte>();
        for (var i = 0; i < entries.Length; i++)
        {
            var entry = entries[i];
            if (i < entries.Length - 1)
            {
                var padded = (entry.Length + 3) & ~3;
                BinaryPrimitives.WriteInt32LittleEndian(entry, padded);
                Array.Resize(ref entry, padded);
            }
            buffer.AddRange(entry);
        }
        return [.. buffer];
    }

    public static void Times(Span<byte> b, int offset)
    {
        BinaryPrimitives.WriteInt64LittleEndian(b[offset..], Created);
        BinaryPrimitives.WriteInt64LittleEndian(b[(offset + 8)..], Accessed);
        BinaryPrimitives.WriteInt64LittleEndian(b[(offset + 16)..], Written);
        BinaryPrimitives.WriteInt64LittleEndian(b[(offset + 24)..], Changed);
    }
}
