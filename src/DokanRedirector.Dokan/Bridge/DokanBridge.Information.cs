using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using DokanRedirector.Dokan.FileSystem;
using DokanRedirector.Dokan.Native;

namespace DokanRedirector.Dokan.Bridge;

// GetFileInformation, FindFiles, FindFilesWithPattern, SetFileAttributes, SetFileTime, SetEndOfFile, SetAllocationSize.
internal static unsafe partial class DokanBridge
{
    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvStdcall)])]
    private static int GetFileInformation(char* fileName, ByHandleFileInformation* buffer, DokanFileInfo* info)
    {
        try
        {
            return Answer(DokanInstances.Of(info).GetFileInformation(Name(fileName), out *buffer, ref *info));
        }
        catch (Exception e)
        {
            *buffer = default;
            return Fail(info, e, nameof(GetFileInformation));
        }
    }

    /// <summary>dokan.h: FindFilesWithPattern is tried first; this serves callers that skip it, as "*".</summary>
    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvStdcall)])]
    private static int FindFiles(char* fileName, FillFindDataCallback fill, DokanFileInfo* info)
    {
        try
        {
            return Answer(DokanInstances.Of(info).FindFilesWithPattern(Name(fileName), "*", new FindDataSink(fill, info).Add, ref *info));
        }
        catch (Exception e)
        {
            return Fail(info, e, nameof(FindFiles));
        }
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvStdcall)])]
    private static int FindFilesWithPattern(char* pathName, char* searchPattern, FillFindDataCallback fill, DokanFileInfo* info)
    {
        try
        {
            var pattern = searchPattern is null ? "*" : Name(searchPattern);
            return Answer(DokanInstances.Of(info).FindFilesWithPattern(Name(pathName), pattern, new FindDataSink(fill, info).Add, ref *info));
        }
        catch (Exception e)
        {
            return Fail(info, e, nameof(FindFilesWithPattern));
        }
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvStdcall)])]
    private static int SetFileAttributes(char* fileName, uint fileAttributes, DokanFileInfo* info)
    {
        try
        {
            return Answer(DokanInstances.Of(info).SetFileAttributes(Name(fileName), (NtFileAttributes)fileAttributes, ref *info));
        }
        catch (Exception e)
        {
            return Fail(info, e, nameof(SetFileAttributes));
        }
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvStdcall)])]
    private static int SetFileTime(char* fileName, FileTime* creationTime, FileTime* lastAccessTime, FileTime* lastWriteTime,
        DokanFileInfo* info)
    {
        try
        {
            return Answer(DokanInstances.Of(info).SetFileTime(Name(fileName), ValueOf(creationTime), ValueOf(lastAccessTime),
                ValueOf(lastWriteTime), ref *info));
        }
        catch (Exception e)
        {
            return Fail(info, e, nameof(SetFileTime));
        }
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvStdcall)])]
    private static int SetEndOfFile(char* fileName, long byteOffset, DokanFileInfo* info) =>
        Guard(fileName, byteOffset, 0, info, static (ops, name, offset, _, ref i) => ops.SetEndOfFile(name, offset, ref i),
            nameof(SetEndOfFile));

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvStdcall)])]
    private static int SetAllocationSize(char* fileName, long allocSize, DokanFileInfo* info) =>
        Guard(fileName, allocSize, 0, info, static (ops, name, size, _, ref i) => ops.SetAllocationSize(name, size, ref i),
            nameof(SetAllocationSize));

    private static long? ValueOf(FileTime* time) => time is null ? null : time->Value;
}
