// MS-FSCC 2.5 File System Information Classes
namespace DokanRedirector.Smb.Info;

/// <summary>FileInformationClass values for SMB2 QUERY_INFO with <see cref="SmbInfoType.FileSystem"/>.</summary>
public enum SmbFsInfoClass : byte
{
    FileFsVolumeInformation = 1,
    FileFsLabelInformation = 2,
    FileFsSizeInformation = 3,
    FileFsDeviceInformation = 4,
    FileFsAttributeInformation = 5,
    FileFsControlInformation = 6,
    FileFsFullSizeInformation = 7,
    FileFsObjectIdInformation = 8,
    FileFsDriverPathInformation = 9,
    FileFsVolumeFlagsInformation = 10,
    FileFsSectorSizeInformation = 11,
}
