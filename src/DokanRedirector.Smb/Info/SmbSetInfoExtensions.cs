// MS-SMB2 2.2.39 SET_INFO Request: the Buffer
namespace DokanRedirector.Smb.Info;

public static class SmbSetInfoExtensions
{
    /// <summary>The SET_INFO buffer as a new array.</summary>
    public static byte[] ToBytes<T>(this T info)
        where T : ISmbSetInfo
    {
        var bytes = new byte[info.Size];
        info.Write(bytes);
        return bytes;
    }
}
