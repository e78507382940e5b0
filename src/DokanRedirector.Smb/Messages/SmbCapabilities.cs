// MS-SMB2 2.2.3 / 2.2.4 / 2.2.5 / 2.2.6 / 2.2.10 capability, security-mode and flag constants
namespace DokanRedirector.Smb.Messages;

/// <summary>Global capabilities (NEGOTIATE and SESSION_SETUP).</summary>
[Flags]
public enum SmbCapabilities : uint
{
    None = 0,
    Dfs = 0x00000001,
    Leasing = 0x00000002,
    LargeMtu = 0x00000004,
    MultiChannel = 0x00000008,
    PersistentHandles = 0x00000010,
    DirectoryLeasing = 0x00000020,
    Encryption = 0x00000040,
    Notifications = 0x00000080,
}

/// <summary>SecurityMode of NEGOTIATE (16-bit) and SESSION_SETUP (8-bit).</summary>
[Flags]
public enum SmbSecurityMode : ushort
{
    None = 0,
    SigningEnabled = 0x0001,
    SigningRequired = 0x0002,
}

/// <summary>SessionFlags of the SESSION_SETUP response.</summary>
[Flags]
public enum SmbSessionFlags : ushort
{
    None = 0,
    IsGuest = 0x0001,
    IsNull = 0x0002,
    EncryptData = 0x0004,
}

/// <summary>ShareType of the TREE_CONNECT response.</summary>
public enum SmbShareType : byte
{
    Disk = 0x01,
    Pipe = 0x02,
    Print = 0x03,
}

/// <summary>ShareFlags of the TREE_CONNECT response (caching bits omitted).</summary>
[Flags]
public enum SmbShareFlags : uint
{
    None = 0,
    Dfs = 0x00000001,
    DfsRoot = 0x00000002,
    RestrictExclusiveOpens = 0x00000100,
    ForceSharedDelete = 0x00000200,
    AllowNamespaceCaching = 0x00000400,
    AccessBasedDirectoryEnum = 0x00000800,
    ForceLevel2Oplock = 0x00001000,
    EnableHashV1 = 0x00002000,
    EnableHashV2 = 0x00004000,
    EncryptData = 0x00008000,
    IdentityRemoting = 0x00040000,
    CompressData = 0x00100000,
    IsolatedTransport = 0x00200000,
}

/// <summary>Capabilities of the TREE_CONNECT response.</summary>
[Flags]
public enum SmbShareCapabilities : uint
{
    None = 0,
    Dfs = 0x00000008,
    ContinuousAvailability = 0x00000010,
    Scaleout = 0x00000020,
    Cluster = 0x00000040,
    Asymmetric = 0x00000080,
    RedirectToOwner = 0x00000100,
}
