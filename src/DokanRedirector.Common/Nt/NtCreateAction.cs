namespace DokanRedirector;

/// <summary>IO_STATUS_BLOCK.Information after a create (MS-SMB2 2.2.14 CreateAction, same values).</summary>
public enum NtCreateAction : uint
{
    Superseded = 0,
    Opened = 1,
    Created = 2,
    Overwritten = 3,
}
