using System.Runtime.InteropServices;

namespace DokanRedirector.Dokan.Native;

/// <summary>DOKAN_IO_SECURITY_CONTEXT (public.h), ZwCreateFile's IO_SECURITY_CONTEXT. We read only
/// <see cref="DesiredAccess"/>'s twin argument, but keep the layout for the record.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct DokanIoSecurityContext
{
    public DokanAccessState AccessState;
    public uint DesiredAccess;
}

/// <summary>DOKAN_ACCESS_STATE (public.h).</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct DokanAccessState
{
    public byte SecurityEvaluated;
    public byte GenerateAudit;
    public byte GenerateOnClose;
    public byte AuditPrivileges;
    public uint Flags;
    public uint RemainingDesiredAccess;
    public uint PreviouslyGrantedAccess;
    public uint OriginalDesiredAccess;
    /// <summary>PSECURITY_DESCRIPTOR.</summary>
    public nint SecurityDescriptor;
    public UnicodeString ObjectName;
    public UnicodeString ObjectType;
}

/// <summary>UNICODE_STRING (ntdef.h): lengths in bytes.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct UnicodeString
{
    public ushort Length;
    public ushort MaximumLength;
    /// <summary>PWSTR.</summary>
    public nint Buffer;
}
