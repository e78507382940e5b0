namespace DokanRedirector.Dokan.Native;

/// <summary>DOKAN_OPTION_* flags of <see cref="DokanOptions.Options"/> (dokan.h).</summary>
[Flags]
internal enum DokanOptionFlags : uint
{
    None = 0,
    Debug = 1 << 0,
    Stderr = 1 << 1,
    AltStream = 1 << 2,
    WriteProtect = 1 << 3,
    /// <summary>Network drive: needs the Dokan network provider and a UNCName.</summary>
    Network = 1 << 4,
    Removable = 1 << 5,
    MountManager = 1 << 6,
    /// <summary>Mount in the caller's logon session only.</summary>
    CurrentSession = 1 << 7,
    /// <summary>LockFile/UnlockFile reach us; otherwise Dokan keeps locks itself.</summary>
    FileLockUserMode = 1 << 8,
    CaseSensitive = 1 << 9,
    /// <summary>Explorer's Disconnect unmounts the network drive.</summary>
    EnableUnmountNetworkDrive = 1 << 10,
    DispatchDriverLogs = 1 << 11,
    AllowIpcBatching = 1 << 12,
}
