using System.Buffers.Binary;
using System.Text;
using DokanRedirector.Smb.Messages;
using DokanRedirector.Smb.Tests.Crypto;
using DokanRedirector.Smb.Tests.Fixtures;

namespace DokanRedirector.Smb.Tests.Messages;

/// <summary>Requests encoded and responses built the way the wire carries them, for the file command tests.</summary>
internal static class FileMessages
{
    /// <summary>Persistent 0x0807060504030201, Volatile 0x100F0E0D0C0B0A09: on the wire, the bytes 01 to 10.</summary>
    public static readonly SmbFileId FileId = new(0x0807060504030201, 0x100F0E0D0C0B0A09);

    public const string FileIdHex = "0102030405060708090A0B0C0D0E0F10";

    public static readonly Guid Key = new(TestHex.Parse("A0A1A2A3A4A5A6A7A8A9AAABACADAEAF"));

    public const string KeyHex = "A0A1A2A3A4A5A6A7A8A9AAABACADAEAF";

    /// <summary>The request body as <see cref="ISmbRequest.WriteBody"/> writes it behind a header.</summary>
    public static byte[] Body<TRequest>(TRequest request)
        where TRequest : ISmbRequest
    {
        var message = new byte[SmbHeader.Size + request.BodySize];
        request.WriteBody(message.AsSpan(SmbHeader.Size));
        return message[SmbHeader.Size..];
    }

    /// <summary>A response message: a server header for <paramref name="command"/>, then <paramref name="bodyHex"/>.</summary>
    public static byte[] Response(SmbCommand command, string bodyHex) =>
        ScriptedSmbServer.Response(1, command, 1, TestHex.Parse(bodyHex));

    // 2023-01-01T00:00:00Z and a second later, as FILETIMEs.
    public const long Time0 = 133170048000000000;
    public const long Time1 = Time0 + 10_000_000;

    /// <summary>The FILE_NETWORK_OPEN_INFORMATION block of CREATE and CLOSE: 4 times, 4096, 100, ARCHIVE.</summary>
    public static byte[] NetworkOpenInfo()
    {
        var info = new byte[SmbNetworkOpenInfo.Size];
        BinaryPrimitives.WriteInt64LittleEndian(info, Time0);
        BinaryPrimitives.WriteInt64LittleEndian(info.AsSpan(8), Time1);
        BinaryPrimitives.WriteInt64LittleEndian(info.AsSpan(16), Time1);
        BinaryPrimitives.WriteInt64LittleEndian(info.AsSpan(24), Time1);
        BinaryPrimitives.WriteInt64LittleEndian(info.AsSpan(32), 4096);
        BinaryPrimitives.WriteInt64LittleEndian(info.AsSpan(40), 100);
        BinaryPrimitives.WriteUInt32LittleEndian(info.AsSpan(48), (uint)NtFileAttributes.Archive);
        return info;
    }

    /// <summary>
    /// A CREATE response granting a v2 lease, with MxAc, QFid, RqLs, DH2Q and an unknown context "Xtra",
    /// chained 8-aligned from offset 152 (64 + 88).
    /// </summary>
    public static byte[] CreateResponseWithContexts()
    {
        var contexts = new List<byte>();
        AddContext(contexts, "MxAc", TestHex.Parse("00000000 FF011F00"), last: false);
        AddContext(contexts, "Xtra", [1, 2, 3], last: false);
        AddContext(contexts, "QFid", TestHex.Parse("2A00000000000000 0700000000000000" + new string('0', 32)), last: false);
        AddContext(contexts, "RqLs", TestHex.Parse(KeyHex + "03000000 00000000 0000000000000000" + new string('0', 32) + "0500 0000"), last: false);
        AddContext(contexts, "DH2Q", TestHex.Parse("30750000 00000000"), last: true);
        return ScriptedSmbServer.Response(1, SmbCommand.Create, 1, CreateResponseBody(SmbOplockLevel.Lease, contexts));
    }

    /// <summary>
    /// A CREATE response (Created) for <see cref="FileId"/> granting <paramref name="level"/>, with a version-1
    /// lease of <see cref="Key"/> in <paramref name="lease"/> state when one is given.
    /// </summary>
    public static byte[] CreateResponseGranting(ulong messageId, SmbOplockLevel level, SmbLeaseState? lease = null)
    {
        var contexts = new List<byte>();
        if (lease is { } state)
        {
            // LeaseKey, LeaseState, LeaseFlags, LeaseDuration
            AddContext(contexts, "RqLs", [.. Key.ToByteArray(), .. BitConverter.GetBytes((uint)state), .. new byte[12]], last: true);
        }
        return ScriptedSmbServer.Response(messageId, SmbCommand.Create, 1, CreateResponseBody(level, contexts));
    }

    // The 88 fixed bytes, then the contexts (if any) at offset 152 (64 + 88).
    private static byte[] CreateResponseBody(SmbOplockLevel level, List<byte> contexts)
    {
        var body = new List<byte>(TestHex.Parse("5900"));
        body.Add((byte)level);
        body.AddRange(TestHex.Parse("00 02000000")); // Flags, CreateAction: created
        body.AddRange(NetworkOpenInfo());
        body.AddRange(new byte[4]); // Reserved2
        body.AddRange(TestHex.Parse(FileIdHex));
        body.AddRange(BitConverter.GetBytes(contexts.Count == 0 ? 0 : SmbHeader.Size + 88)); // CreateContextsOffset
        body.AddRange(BitConverter.GetBytes(contexts.Count)); // CreateContextsLength
        body.AddRange(contexts);
        return [.. body];
    }

    // One SMB2_CREATE_CONTEXT: header, 4-byte name, padding to 8, data; padded to 8 unless last.
    private static void AddContext(List<byte> chain, string tag, byte[] data, bool last)
    {
        var size = 24 + data.Length;
        var padded = (size + 7) & ~7;
        var context = new byte[last ? size : padded];
        BinaryPrimitives.WriteUInt32LittleEndian(context, last ? 0u : (uint)padded); // Next
        BinaryPrimitives.WriteUInt16LittleEndian(context.AsSpan(4), 16); // NameOffset
        BinaryPrimitives.WriteUInt16LittleEndian(context.AsSpan(6), 4); // NameLength
        BinaryPrimitives.WriteUInt16LittleEndian(context.AsSpan(10), 24); // DataOffset
        BinaryPrimitives.WriteUInt32LittleEndian(context.AsSpan(12), (uint)data.Length); // DataLength
        Encoding.ASCII.GetBytes(tag, context.AsSpan(16));
        data.CopyTo(context, 24);
        chain.AddRange(context);
    }
}
