// MS-SMB2 2.2.37 and 2.2.39: InfoType and FileInfoClass of QUERY_INFO and SET_INFO
namespace DokanRedirector.Smb.Info;

/// <summary>The InfoType and FileInfoClass bytes a QUERY_INFO or SET_INFO request names for a structure.</summary>
public interface ISmbInfoClass
{
    static abstract SmbInfoType InfoType { get; }

    /// <summary>A <see cref="SmbFileInfoClass"/> or <see cref="SmbFsInfoClass"/> value, as the request carries it.</summary>
    static abstract byte InfoClass { get; }
}
