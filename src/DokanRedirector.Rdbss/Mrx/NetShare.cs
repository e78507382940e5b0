namespace DokanRedirector.Rdbss.Mrx;

/// <summary>What kind of resource a share is (SHARE_INFO_1 shi1_type, MS-SRVS 2.2.2.4, without the flags).</summary>
public enum NetShareType
{
    Disk,
    PrintQueue,
    Device,
    Ipc,
}

/// <summary>One share a server offers, as NetShareEnum level 1 lists it. <paramref name="IsSpecial"/>
/// marks administrative shares (IPC$, C$, ADMIN$): Explorer and <c>net view</c> hide them.</summary>
public sealed record NetShare(string Name, NetShareType Type, bool IsSpecial, string Remark);
