namespace DokanRedirector.Dokan.Tests.FileSystem;

/// <summary>The default descriptor, read back field by field as MS-DTYP 2.4.6 lays a self-relative one out.</summary>
public sealed class DefaultSecurityDescriptorTests
{
    private static readonly byte[] AuthenticatedUsers = [1, 1, 0, 0, 0, 0, 0, 5, 11, 0, 0, 0];

    [Test]
    public void OwnerGroupAndDacl_AreSelfRelative_WithAuthenticatedUsersGrantedFullAccess_InheritedInADirectory()
    {
        var sd = DefaultSecurityDescriptor.Build(SecurityInformation.Owner | SecurityInformation.Group | SecurityInformation.Dacl,
            isDirectory: true);
        var owner = BitConverter.ToInt32(sd, 4);
        var group = BitConverter.ToInt32(sd, 8);
        var sacl = BitConverter.ToInt32(sd, 12);
        var dacl = BitConverter.ToInt32(sd, 16);
        var ace = dacl + 8;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(sd[0], Is.EqualTo(1), "revision");
            Assert.That(BitConverter.ToUInt16(sd, 2), Is.EqualTo(0x8004), "SE_SELF_RELATIVE | SE_DACL_PRESENT");
            Assert.That(sd[owner..(owner + 12)], Is.EqualTo(AuthenticatedUsers));
            Assert.That(sd[group..(group + 12)], Is.EqualTo(AuthenticatedUsers));
            Assert.That(sacl, Is.Zero);
            Assert.That(sd[dacl], Is.EqualTo(2), "ACL_REVISION");
            Assert.That(BitConverter.ToUInt16(sd, dacl + 4), Is.EqualTo(1), "one ACE");
            Assert.That(sd[ace], Is.EqualTo(0), "ACCESS_ALLOWED_ACE_TYPE");
            Assert.That(sd[ace + 1], Is.EqualTo(0x3), "OBJECT_INHERIT_ACE | CONTAINER_INHERIT_ACE");
            Assert.That(BitConverter.ToUInt32(sd, ace + 4), Is.EqualTo(0x001F01FF), "FILE_ALL_ACCESS");
            Assert.That(sd[(ace + 8)..], Is.EqualTo(AuthenticatedUsers));
            Assert.That(sd, Has.Length.EqualTo(20 + 12 + 12 + 8 + 8 + 12));
        }
    }

    [Test]
    public void OnlyWhatIsAsked_IsIncluded()
    {
        var sd = DefaultSecurityDescriptor.Build(SecurityInformation.Owner, isDirectory: false);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(BitConverter.ToUInt16(sd, 2), Is.EqualTo(0x8000), "no DACL present");
            Assert.That(BitConverter.ToInt32(sd, 8), Is.Zero, "no group");
            Assert.That(BitConverter.ToInt32(sd, 16), Is.Zero, "no DACL");
            Assert.That(sd, Has.Length.EqualTo(20 + 12));
        }
    }
}
