// MS-SRVS 2.2.4.23 SHARE_INFO_1
namespace DokanRedirector.Smb.Rpc;

/// <summary>A share the server lists: its name, type and the comment the administrator gave it.</summary>
public sealed record SmbShareInfo(string Name, SmbShareKind Type, string Remark)
{
    /// <summary><see cref="SmbShareKind.Disk"/>, <see cref="SmbShareKind.PrintQueue"/>, <see cref="SmbShareKind.Device"/> or <see cref="SmbShareKind.Ipc"/>.</summary>
    public SmbShareKind BaseType => Type & SmbShareKind.BaseTypeMask;

    /// <summary>An administrative share (IPC$, ADMIN$, C$), which Explorer hides.</summary>
    public bool IsSpecial => (Type & SmbShareKind.Special) != 0;

    public bool IsTemporary => (Type & SmbShareKind.Temporary) != 0;
}
