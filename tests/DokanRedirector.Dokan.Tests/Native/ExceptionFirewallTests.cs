using System.Runtime.InteropServices;
using DokanRedirector.Dokan.Bridge;
using Microsoft.Extensions.Logging.Abstractions;

namespace DokanRedirector.Dokan.Tests.Native;

/// <summary>
/// Calls the real <c>[UnmanagedCallersOnly]</c> trampolines through the DOKAN_OPERATIONS table, as dokan2.dll
/// does, with a fake DOKAN_FILE_INFO whose DokanOptions→GlobalContext routes to a file system that throws:
/// every callback answers an NTSTATUS and clears its out-parameters; none lets the exception reach native code.
/// </summary>
public sealed unsafe class ExceptionFirewallTests
{
    private const uint Junk = 0xDEADBEEF;
    private static readonly int InternalError = (int)NtStatus.InternalError.Value;

    private ThrowingOperations _operations = null!;
    private ulong _id;
    private DokanOptions* _options;
    private DokanFileInfo* _info;
    private char* _name;

    [SetUp]
    public void RegisterThrowingFileSystem()
    {
        _operations = new ThrowingOperations();
        _id = DokanInstances.Add(_operations, NullLogger.Instance);
        _options = (DokanOptions*)NativeMemory.AllocZeroed((nuint)sizeof(DokanOptions));
        _options->GlobalContext = _id;
        _info = (DokanFileInfo*)NativeMemory.AllocZeroed((nuint)sizeof(DokanFileInfo));
        _info->DokanOptions = _options;
        _info->Context = Junk;
        _name = (char*)Marshal.StringToHGlobalUni(@"\dir\file.txt");
    }

    [TearDown]
    public void Unregister()
    {
        DokanInstances.Remove(_id);
        NativeMemory.Free(_options);
        NativeMemory.Free(_info);
        Marshal.FreeHGlobal((nint)_name);
    }

    private static DokanOperations* Table => DokanBridge.Operations;

    [Test]
    public void EveryCallback_ReachesTheMountsFileSystem_ThroughGlobalContext()
    {
        CallEveryCallback();
        Assert.That(_operations.Reached, Is.EqualTo(new[]
        {
            "ZwCreateFile", "Cleanup", "CloseFile", "ReadFile", "WriteFile", "FlushFileBuffers", "GetFileInformation",
            "FindFilesWithPattern", "FindFilesWithPattern", "SetFileAttributes", "SetFileTime", "DeleteFile", "DeleteDirectory",
            "MoveFile", "SetEndOfFile", "SetAllocationSize", "LockFile", "UnlockFile", "GetDiskFreeSpace", "GetVolumeInformation",
            "Mounted", "Unmounted", "GetFileSecurity", "SetFileSecurity",
        }), "FindFiles is FindFilesWithPattern with \"*\"");
    }

    [Test]
    public void EveryCallback_AnswersInternalError_AndClearsItsOutParameters()
    {
        var answers = CallEveryCallback();
        using (Assert.EnterMultipleScope())
        {
            foreach (var (callback, status) in answers.Statuses)
            {
                Assert.That(status, Is.EqualTo(InternalError), callback);
            }
            Assert.That(_info->Context, Is.Zero, "ZwCreateFile leaves no context");
            Assert.That(answers.ReadLength, Is.Zero, "ReadFile's ReadLength");
            Assert.That(answers.Written, Is.Zero, "WriteFile's NumberOfBytesWritten");
            Assert.That(answers.FileInformation, Is.EqualTo(default(ByHandleFileInformation)), "GetFileInformation's buffer");
            Assert.That(answers.FreeSpace, Is.EqualTo((0UL, 0UL, 0UL)), "GetDiskFreeSpace's three sizes");
            Assert.That(answers.Volume, Is.EqualTo((0u, 0u, 0u)), "GetVolumeInformation's serial, component length, flags");
            Assert.That(answers.VolumeNames, Is.EqualTo(('\0', '\0')), "GetVolumeInformation's names");
            Assert.That(answers.LengthNeeded, Is.Zero, "GetFileSecurity's LengthNeeded");
        }
    }

    [Test]
    public void UnknownMount_AnswersInternalError()
    {
        _options->GlobalContext = ulong.MaxValue;
        var status = Table->FlushFileBuffers(_name, _info);
        Assert.That(status, Is.EqualTo(InternalError));
    }

    [Test]
    public void FindStreams_IsLeftToDokan()
    {
        // dokan.h: a NULL callback answers STATUS_NOT_IMPLEMENTED; there are no streams without DOKAN_OPTION_ALT_STREAM.
        Assert.That(Table->FindStreams == null, Is.True);
    }

    private Answers CallEveryCallback()
    {
        var statuses = new List<(string, int)>();
        var buffer = stackalloc byte[16];
        var ops = Table;
        statuses.Add(("ZwCreateFile", ops->ZwCreateFile(_name, null, 0x120089, 0x80, 7, 1, 0, _info)));
        ops->Cleanup(_name, _info);
        ops->CloseFile(_name, _info);
        uint read = Junk, written = Junk;
        statuses.Add(("ReadFile", ops->ReadFile(_name, buffer, 16, &read, 0, _info)));
        statuses.Add(("WriteFile", ops->WriteFile(_name, buffer, 16, &written, 0, _info)));
        statuses.Add(("FlushFileBuffers", ops->FlushFileBuffers(_name, _info)));
        var fileInformation = new ByHandleFileInformation { FileAttributes = Junk, FileSizeLow = Junk, NumberOfLinks = Junk };
        statuses.Add(("GetFileInformation", ops->GetFileInformation(_name, &fileInformation, _info)));
        statuses.Add(("FindFiles", ops->FindFiles(_name, default, _info)));
        statuses.Add(("FindFilesWithPattern", ops->FindFilesWithPattern(_name, _name, default, _info)));
        statuses.Add(("SetFileAttributes", ops->SetFileAttributes(_name, 0x2, _info)));
        var time = new FileTime { Low = 1 };
        statuses.Add(("SetFileTime", ops->SetFileTime(_name, &time, null, &time, _info)));
        statuses.Add(("DeleteFile", ops->DeleteFile(_name, _info)));
        statuses.Add(("DeleteDirectory", ops->DeleteDirectory(_name, _info)));
        statuses.Add(("MoveFile", ops->MoveFile(_name, _name, 1, _info)));
        statuses.Add(("SetEndOfFile", ops->SetEndOfFile(_name, 10, _info)));
        statuses.Add(("SetAllocationSize", ops->SetAllocationSize(_name, 10, _info)));
        statuses.Add(("LockFile", ops->LockFile(_name, 0, 10, _info)));
        statuses.Add(("UnlockFile", ops->UnlockFile(_name, 0, 10, _info)));
        ulong available = Junk, total = Junk, free = Junk;
        statuses.Add(("GetDiskFreeSpace", ops->GetDiskFreeSpace(&available, &total, &free, _info)));
        var volumeName = stackalloc char[8];
        var fsName = stackalloc char[8];
        volumeName[0] = 'X';
        fsName[0] = 'X';
        uint serial = Junk, component = Junk, flags = Junk;
        statuses.Add(("GetVolumeInformation", ops->GetVolumeInformation(volumeName, 8, &serial, &component, &flags, fsName, 8, _info)));
        statuses.Add(("Mounted", ops->Mounted(_name, _info)));
        statuses.Add(("Unmounted", ops->Unmounted(_info)));
        uint requested = 0x7, needed = Junk;
        statuses.Add(("GetFileSecurity", ops->GetFileSecurity(_name, &requested, buffer, 16, &needed, _info)));
        statuses.Add(("SetFileSecurity", ops->SetFileSecurity(_name, &requested, buffer, 16, _info)));
        return new Answers(statuses, read, written, fileInformation, (available, total, free), (serial, component, flags),
            (volumeName[0], fsName[0]), needed);
    }

    private sealed record Answers(List<(string, int)> Statuses, uint ReadLength, uint Written, ByHandleFileInformation FileInformation,
        (ulong, ulong, ulong) FreeSpace, (uint, uint, uint) Volume, (char, char) VolumeNames, uint LengthNeeded);
}
