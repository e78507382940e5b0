namespace DokanRedirector;

/// <summary>File access rights (MS-SMB2 2.2.13.1.1, MS-DTYP 2.4.3).</summary>
[Flags]
public enum NtAccessMask : uint
{
    None = 0,
    ReadData = 0x00000001,
    WriteData = 0x00000002,
    AppendData = 0x00000004,
    ReadEa = 0x00000008,
    WriteEa = 0x00000010,
    Execute = 0x00000020,
    DeleteChild = 0x00000040,
    ReadAttributes = 0x00000080,
    WriteAttributes = 0x00000100,
    Delete = 0x00010000,
    ReadControl = 0x00020000,
    WriteDac = 0x00040000,
    WriteOwner = 0x00080000,
    Synchronize = 0x00100000,
    MaximumAllowed = 0x02000000,
    GenericAll = 0x10000000,
    GenericExecute = 0x20000000,
    GenericWrite = 0x40000000,
    GenericRead = 0x80000000,
}
