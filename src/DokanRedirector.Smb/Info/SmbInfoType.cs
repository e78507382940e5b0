// MS-SMB2 2.2.37 QUERY_INFO Request, InfoType; 2.2.39 SET_INFO Request, InfoType
namespace DokanRedirector.Smb.Info;

/// <summary>Which kind of information a QUERY_INFO or SET_INFO names.</summary>
public enum SmbInfoType : byte
{
    File = 1,
    FileSystem = 2,
    Security = 3,
    Quota = 4,
}
