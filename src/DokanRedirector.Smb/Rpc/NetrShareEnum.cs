// MS-SRVS 3.1.4.8 NetrShareEnum (Opnum 15), level 1: 2.2.4.38 SHARE_ENUM_STRUCT, 2.2.4.33 SHARE_INFO_1_CONTAINER,
// 2.2.4.23 SHARE_INFO_1; marshalled in NDR 2.0 (C706 14)
using System.Text;
using DokanRedirector.Smb.Messages;

namespace DokanRedirector.Smb.Rpc;

internal static class NetrShareEnum
{
    public const ushort Opnum = 15;

    private const uint Level = 1;

    // Referent ids of the request's non-null unique pointers; any distinct non-zero values will do.
    private const uint ServerNameReferent = 0x00020000;
    private const uint ContainerReferent = 0x00020004;

    private const int ShareInfo1Length =
        sizeof(uint) // shi1_netname referent id
        + sizeof(uint) // shi1_type
        + sizeof(uint); // shi1_remark referent id

    /// <summary>
    /// The request stub: ServerName (<c>\\server</c>), InfoStruct at level 1 with an empty container,
    /// PreferedMaximumLength MAX_PREFERRED_LENGTH (all entries in one answer) and a null ResumeHandle (start at
    /// the beginning). The server name is sent as given: <c>\\server</c> by convention.
    /// </summary>
    public static byte[] EncodeRequest(string serverName)
    {
        var nameUnits = serverName.Length + 1; // with the terminating NUL
        var nameBytes = nameUnits * 2;
        var namePadding = (4 - (nameBytes & 3)) & 3;
        var length =
            sizeof(uint) // ServerName referent id
            + 3 * sizeof(uint) // max_count, offset, actual_count
            + nameBytes + namePadding
            + sizeof(uint) // InfoStruct.Level
            + sizeof(uint) // ShareInfo union discriminant
            + sizeof(uint) // ShareInfo.Level1 referent id
            + sizeof(uint) // Level1->EntriesRead
            + sizeof(uint) // Level1->Buffer (null)
            + sizeof(uint) // PreferedMaximumLength
            + sizeof(uint); // ResumeHandle: null
        var stub = new byte[length];
        var w = new SmbWriter(stub);
        w.UInt32(ServerNameReferent);
        w.UInt32((uint)nameUnits); // max_count
        w.UInt32(0); // offset
        w.UInt32((uint)nameUnits); // actual_count
        Encoding.Unicode.GetBytes(serverName, w.Take(nameBytes - 2));
        w.Zeros(2 + namePadding); // NUL, align(4)
        w.UInt32(Level);
        w.UInt32(Level); // switch_is(Level)
        w.UInt32(ContainerReferent);
        w.UInt32(0); // EntriesRead
        w.UInt32(0); // Buffer: null
        w.UInt32(uint.MaxValue); // PreferedMaximumLength
        w.UInt32(0); // ResumeHandle: null
        w.AssertWritten(length);
        return stub;
    }

    /// <summary>Decodes the response stub: the shares, TotalEntries, the ResumeHandle and the WERROR result.</summary>
    public static NetrShareEnumResponse DecodeResponse(ReadOnlySpan<byte> stub)
    {
        var r = new NdrReader(stub);
        var level = r.UInt32("InfoStruct.Level");
        var discriminant = r.UInt32("ShareInfo discriminant");
        if (level != Level || discriminant != Level)
        {
            throw new SmbProtocolException($"NetrShareEnum answered level {level}/{discriminant} to a level-1 request.");
        }
        var shares = new List<SmbShareInfo>();
        if (r.Pointer("ShareInfo.Level1"))
        {
            ReadContainer(ref r, shares);
        }
        var totalEntries = r.UInt32("TotalEntries");
        if (r.Pointer("ResumeHandle"))
        {
            r.UInt32("*ResumeHandle");
        }
        return new NetrShareEnumResponse(shares, totalEntries, r.UInt32("return value"));
    }

    // SHARE_INFO_1_CONTAINER, then its array, then the strings the array's pointers defer, in order.
    private static void ReadContainer(ref NdrReader r, List<SmbShareInfo> shares)
    {
        var entriesRead = r.UInt32("EntriesRead");
        if (!r.Pointer("Buffer"))
        {
            if (entriesRead != 0)
            {
                throw new SmbProtocolException($"NetrShareEnum reports {entriesRead} entries but no buffer.");
            }
            return;
        }
        var count = r.UInt32("Buffer max_count");
        if (count != entriesRead || count > (uint)r.Remaining / ShareInfo1Length)
        {
            throw new SmbProtocolException(
                $"NetrShareEnum array of {count} entries (EntriesRead {entriesRead}) does not fit the {r.Remaining} bytes left.");
        }
        var entries = new (bool Name, SmbShareKind Type, bool Remark)[count];
        for (var i = 0; i < entries.Length; i++)
        {
            entries[i] = (r.Pointer("shi1_netname"), (SmbShareKind)r.UInt32("shi1_type"), r.Pointer("shi1_remark"));
        }
        foreach (var (hasName, type, hasRemark) in entries)
        {
            if (!hasName)
            {
                throw new SmbProtocolException("NetrShareEnum lists a share with no name.");
            }
            var name = r.String("shi1_netname");
            shares.Add(new SmbShareInfo(name, type, hasRemark ? r.String("shi1_remark") : ""));
        }
    }
}

/// <summary>What NetrShareEnum returned; <see cref="Status"/> is the WERROR (0 on success).</summary>
internal readonly record struct NetrShareEnumResponse(List<SmbShareInfo> Shares, uint TotalEntries, uint Status);
