using System.Buffers.Binary;

namespace DokanRedirector.Dokan.FileSystem;

/// <summary>
/// The security descriptor every file shows: SMB2 here carries no ACLs to the front end, so a sane default
/// that lets Explorer's property pages and access checks work. Owner and group are Authenticated Users
/// (S-1-5-11), and the DACL grants them FILE_ALL_ACCESS (inherited by children of a directory). Built by hand,
/// self-relative (MS-DTYP 2.4.6), because System.Security.AccessControl's SID type is Windows-only.
/// </summary>
internal static class DefaultSecurityDescriptor
{
    // MS-DTYP 2.4.2.4: S-1-5-11, revision 1, one sub-authority, authority SECURITY_NT_AUTHORITY (5).
    private static readonly byte[] AuthenticatedUsers = [1, 1, 0, 0, 0, 0, 0, 5, 11, 0, 0, 0];

    private const int HeaderSize = 20;       // MS-DTYP 2.4.6: Revision, Sbz1, Control, four offsets
    private const int AclHeaderSize = 8;     // MS-DTYP 2.4.5: AclRevision, Sbz1, AclSize, AceCount, Sbz2
    private const int AceHeaderAndMask = 8;  // MS-DTYP 2.4.4.2: AceType, AceFlags, AceSize, Mask
    private const ushort SeDaclPresent = 0x0004;
    private const ushort SeSelfRelative = 0x8000;
    private const byte AccessAllowedAceType = 0;
    private const byte ObjectInheritAce = 0x1;
    private const byte ContainerInheritAce = 0x2;
    private const uint FileAllAccess = 0x001F01FF; // winnt.h: FILE_ALL_ACCESS

    /// <summary>The descriptor with the parts <paramref name="requested"/> asks for (no SACL: there is none).</summary>
    public static byte[] Build(SecurityInformation requested, bool isDirectory)
    {
        var owner = (requested & SecurityInformation.Owner) != 0;
        var group = (requested & SecurityInformation.Group) != 0;
        var dacl = (requested & SecurityInformation.Dacl) != 0;
        var sid = AuthenticatedUsers.Length;
        var aceSize = AceHeaderAndMask + sid;
        var aclSize = AclHeaderSize + aceSize;
        var buffer = new byte[HeaderSize + (owner ? sid : 0) + (group ? sid : 0) + (dacl ? aclSize : 0)];
        var span = buffer.AsSpan();
        span[0] = 1; // Revision
        BinaryPrimitives.WriteUInt16LittleEndian(span[2..], (ushort)(SeSelfRelative | (dacl ? SeDaclPresent : 0)));
        var offset = HeaderSize;
        if (owner)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(span[4..], (uint)offset);
            offset += WriteSid(span[offset..]);
        }
        if (group)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(span[8..], (uint)offset);
            offset += WriteSid(span[offset..]);
        }
        if (dacl)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(span[16..], (uint)offset);
            var acl = span[offset..];
            acl[0] = 2; // ACL_REVISION
            BinaryPrimitives.WriteUInt16LittleEndian(acl[2..], (ushort)aclSize);
            BinaryPrimitives.WriteUInt16LittleEndian(acl[4..], 1);
            var ace = acl[AclHeaderSize..];
            ace[0] = AccessAllowedAceType;
            ace[1] = isDirectory ? (byte)(ObjectInheritAce | ContainerInheritAce) : (byte)0;
            BinaryPrimitives.WriteUInt16LittleEndian(ace[2..], (ushort)aceSize);
            BinaryPrimitives.WriteUInt32LittleEndian(ace[4..], FileAllAccess);
            WriteSid(ace[AceHeaderAndMask..]);
        }
        return buffer;
    }

    private static int WriteSid(Span<byte> destination)
    {
        AuthenticatedUsers.CopyTo(destination);
        return AuthenticatedUsers.Length;
    }
}
