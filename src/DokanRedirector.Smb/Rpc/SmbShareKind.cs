// MS-SRVS 2.2.2.4 Share Types
namespace DokanRedirector.Smb.Rpc;

/// <summary>
/// shi1_type: one base type in the low byte (<see cref="Disk"/>, <see cref="PrintQueue"/>, <see cref="Device"/>,
/// <see cref="Ipc"/>) combined with flags.
/// </summary>
[Flags]
public enum SmbShareKind : uint
{
    Disk = 0x00000000, // STYPE_DISKTREE
    PrintQueue = 0x00000001, // STYPE_PRINTQ
    Device = 0x00000002, // STYPE_DEVICE
    Ipc = 0x00000003, // STYPE_IPC
    BaseTypeMask = 0x000000FF, // STYPE_MASK
    ClusterFileSystem = 0x02000000, // STYPE_CLUSTER_FS
    ClusterScaleOut = 0x04000000, // STYPE_CLUSTER_SOFS
    ClusterDfs = 0x08000000, // STYPE_CLUSTER_DFS
    Temporary = 0x40000000, // STYPE_TEMPORARY
    Special = 0x80000000, // STYPE_SPECIAL: an administrative share such as IPC$, ADMIN$ or C$
}
