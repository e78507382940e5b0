using System.Runtime.InteropServices;
using DokanRedirector.Dokan.FileSystem;
using DokanRedirector.Dokan.Native;

namespace DokanRedirector.Dokan.Bridge;

/// <summary>
/// The DOKAN_OPERATIONS table: thin static <c>[UnmanagedCallersOnly]</c> trampolines. Each finds the mount by
/// DOKAN_OPTIONS.GlobalContext (<see cref="DokanInstances"/>), turns pointers into strings, spans and enums,
/// calls one <see cref="FileSystem.IDokanOperations"/> method and catches everything: the exception firewall
/// clears the out-parameters and answers STATUS_INTERNAL_ERROR, never throwing into dokan2.dll.
/// </summary>
internal static unsafe partial class DokanBridge
{
    /// <summary>One table for every mount, in native memory at one address for the life of the process.</summary>
    public static DokanOperations* Operations { get; } = CreateOperations();

    private static DokanOperations* CreateOperations()
    {
        var ops = (DokanOperations*)NativeMemory.AllocZeroed((nuint)sizeof(DokanOperations));
        ops->ZwCreateFile = &ZwCreateFile;
        ops->Cleanup = &Cleanup;
        ops->CloseFile = &CloseFile;
        ops->ReadFile = &ReadFile;
        ops->WriteFile = &WriteFile;
        ops->FlushFileBuffers = &FlushFileBuffers;
        ops->GetFileInformation = &GetFileInformation;
        ops->FindFiles = &FindFiles;
        ops->FindFilesWithPattern = &FindFilesWithPattern;
        ops->SetFileAttributes = &SetFileAttributes;
        ops->SetFileTime = &SetFileTime;
        ops->DeleteFile = &DeleteFile;
        ops->DeleteDirectory = &DeleteDirectory;
        ops->MoveFile = &MoveFile;
        ops->SetEndOfFile = &SetEndOfFile;
        ops->SetAllocationSize = &SetAllocationSize;
        ops->LockFile = &LockFile;
        ops->UnlockFile = &UnlockFile;
        ops->GetDiskFreeSpace = &GetDiskFreeSpace;
        ops->GetVolumeInformation = &GetVolumeInformation;
        ops->Mounted = &Mounted;
        ops->Unmounted = &Unmounted;
        ops->GetFileSecurity = &GetFileSecurity;
        ops->SetFileSecurity = &SetFileSecurity;
        // FindStreams stays NULL: without DOKAN_OPTION_ALT_STREAM there are no streams to list.
        return ops;
    }

    private static string Name(char* name) => new(name);

    /// <summary>A callback that takes only the file name.</summary>
    private delegate NtStatus OnName(IDokanOperations operations, string fileName, ref DokanFileInfo info);

    /// <summary>A callback that takes the file name and one or two 64-bit values (an offset, a length, a size).</summary>
    private delegate NtStatus OnValues(IDokanOperations operations, string fileName, long first, long second, ref DokanFileInfo info);

    /// <summary>The firewall for the callbacks without out-parameters that take only a name.</summary>
    private static int Guard(char* fileName, DokanFileInfo* info, OnName call, string operation)
    {
        try
        {
            return Answer(call(DokanInstances.Of(info), Name(fileName), ref *info));
        }
        catch (Exception e)
        {
            return Fail(info, e, operation);
        }
    }

    /// <summary>The firewall for the callbacks without out-parameters that take a name and 64-bit values.</summary>
    private static int Guard(char* fileName, long first, long second, DokanFileInfo* info, OnValues call, string operation)
    {
        try
        {
            return Answer(call(DokanInstances.Of(info), Name(fileName), first, second, ref *info));
        }
        catch (Exception e)
        {
            return Fail(info, e, operation);
        }
    }

    private static int Answer(NtStatus status) => (int)status.Value;

    /// <summary>The firewall's answer: logged where the mount is known, and STATUS_INTERNAL_ERROR.</summary>
    private static int Fail(DokanFileInfo* info, Exception exception, string operation)
    {
        Failed(info, exception, operation);
        return Answer(NtStatus.InternalError);
    }

    /// <summary>For the void callbacks (Cleanup, CloseFile): nothing to answer, only to log.</summary>
    private static void Failed(DokanFileInfo* info, Exception exception, string operation)
    {
        try
        {
            if (DokanInstances.LogOf(info) is { } log)
            {
                Log.CallbackFailed(log, exception, operation);
            }
        }
        catch (Exception)
        {
            // A logger that throws must not reach dokan2.dll either.
        }
    }
}
