namespace DokanRedirector.Rdbss.Mrx;

/// <summary>FileFsFullSizeInformation + FileFsVolumeInformation + FileFsAttributeInformation, reduced.</summary>
public sealed record VolumeInformation(
    long TotalBytes,
    long FreeBytes,
    long AvailableBytes,
    string Label,
    uint SerialNumber,
    string FileSystemName,
    uint FileSystemAttributes,
    int MaximumComponentLength);
