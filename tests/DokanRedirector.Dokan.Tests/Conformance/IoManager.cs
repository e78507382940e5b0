namespace DokanRedirector.Dokan.Tests.Conformance;

/// <summary>
/// Calls a <see cref="IDokanOperations"/> the way the Windows I/O manager and dokan2.dll do, with a fake
/// DOKAN_FILE_INFO per file object: IRP_MJ_CREATE → ZwCreateFile, IRP_MJ_CLEANUP → Cleanup (DeletePending set
/// when a delete was asked for on the object), IRP_MJ_CLOSE → CloseFile.
/// </summary>
internal sealed class IoManager(IDokanOperations fileSystem)
{
    public const uint ProcessId = 4242;

    // What CreateFileW asks for (fileapi.h: GENERIC_READ/WRITE as the I/O manager maps them, plus SYNCHRONIZE).
    public const NtAccessMask FileGenericRead = (NtAccessMask)0x00120089;
    public const NtAccessMask FileGenericWrite = (NtAccessMask)0x00120116;
    public const NtAccessMask ReadWrite = FileGenericRead | FileGenericWrite;

    public IDokanOperations FileSystem { get; } = fileSystem;

    public (NtStatus Status, FakeOpen Open) Create(string fileName, NtCreateDisposition disposition,
        NtAccessMask access = ReadWrite, NtCreateOptions options = NtCreateOptions.None,
        NtShareAccess share = NtShareAccess.Read | NtShareAccess.Write, NtFileAttributes attributes = NtFileAttributes.Normal)
    {
        var open = new FakeOpen(fileName, (options & NtCreateOptions.DeleteOnClose) != 0);
        open.Info.ProcessId = ProcessId;
        // dokan2.dll sets IsDirectory on the way in when FILE_DIRECTORY_FILE was asked for.
        open.Info.IsDirectory = (options & NtCreateOptions.DirectoryFile) != 0 ? (byte)1 : (byte)0;
        var status = FileSystem.ZwCreateFile(fileName, access, attributes, share, disposition, options, ref open.Info);
        return (status, open);
    }

    /// <summary>A create that must succeed (STATUS_OBJECT_NAME_COLLISION counts for the dispositions that open).</summary>
    public FakeOpen Open(string fileName, NtCreateDisposition disposition = NtCreateDisposition.Open,
        NtAccessMask access = ReadWrite, NtCreateOptions options = NtCreateOptions.None,
        NtShareAccess share = NtShareAccess.Read | NtShareAccess.Write)
    {
        var (status, open) = Create(fileName, disposition, access, options, share);
        Assert.That(status.IsSuccess || status == NtStatus.ObjectNameCollision, Is.True, $"open {fileName}: {status}");
        Assert.That(open.Info.Context, Is.Not.Zero, $"open {fileName} set a context");
        return open;
    }

    public FakeOpen OpenDirectory(string fileName) =>
        Open(fileName, access: FileGenericRead, options: NtCreateOptions.DirectoryFile | NtCreateOptions.SynchronousIoNonAlert);

    /// <summary>CloseHandle: IRP_MJ_CLEANUP, then IRP_MJ_CLOSE.</summary>
    public void CloseHandle(FakeOpen open, bool deletePending = false)
    {
        open.Info.DeletePending = deletePending || open.DeleteOnClose ? (byte)1 : (byte)0;
        FileSystem.Cleanup(open.FileName, ref open.Info);
        FileSystem.CloseFile(open.FileName, ref open.Info);
    }

    public NtStatus Write(FakeOpen open, byte[] data, long offset, out int written) =>
        FileSystem.WriteFile(open.FileName, data, out written, offset, ref open.Info);

    public (NtStatus Status, byte[] Data) Read(FakeOpen open, long offset, int length)
    {
        var buffer = new byte[length];
        var status = FileSystem.ReadFile(open.FileName, buffer, out var read, offset, ref open.Info);
        return (status, buffer[..read]);
    }

    public (NtStatus Status, List<string> Names) Find(FakeOpen directory, string pattern)
    {
        var names = new List<string>();
        var status = FileSystem.FindFilesWithPattern(directory.FileName, pattern, (in Win32FindData entry) =>
        {
            names.Add(NameOf(entry));
            return false;
        }, ref directory.Info);
        return (status, names);
    }

    public ByHandleFileInformation Information(FakeOpen open)
    {
        var status = FileSystem.GetFileInformation(open.FileName, out var information, ref open.Info);
        Assert.That(status, Is.EqualTo(NtStatus.Success), $"GetFileInformation {open.FileName}");
        return information;
    }

    /// <summary>DeleteFileW: open with DELETE, set the disposition (DeleteFile/DeleteDirectory check), close.</summary>
    public NtStatus Delete(string fileName, bool directory)
    {
        var options = directory ? NtCreateOptions.DirectoryFile : NtCreateOptions.NonDirectoryFile;
        var (opened, open) = Create(fileName, NtCreateDisposition.Open,
            NtAccessMask.Delete | NtAccessMask.ReadAttributes | NtAccessMask.Synchronize, options, NtShareAccess.All);
        if (!opened.IsSuccess)
        {
            return opened;
        }
        open.Info.DeletePending = 1;
        var status = directory ? FileSystem.DeleteDirectory(fileName, ref open.Info) : FileSystem.DeleteFile(fileName, ref open.Info);
        CloseHandle(open, deletePending: status.IsSuccess);
        return status;
    }

    public static string NameOf(in Win32FindData entry)
    {
        ReadOnlySpan<char> name = entry.FileName;
        return new string(name[..name.IndexOf('\0')]);
    }
}
