using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using DokanRedirector.Dokan.Native;

namespace DokanRedirector.Dokan.Bridge;

// DeleteFile, DeleteDirectory, MoveFile, LockFile, UnlockFile.
internal static unsafe partial class DokanBridge
{
    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvStdcall)])]
    private static int DeleteFile(char* fileName, DokanFileInfo* info) =>
        Guard(fileName, info, static (ops, name, ref i) => ops.DeleteFile(name, ref i), nameof(DeleteFile));

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvStdcall)])]
    private static int DeleteDirectory(char* fileName, DokanFileInfo* info) =>
        Guard(fileName, info, static (ops, name, ref i) => ops.DeleteDirectory(name, ref i), nameof(DeleteDirectory));

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvStdcall)])]
    private static int MoveFile(char* fileName, char* newFileName, int replaceIfExisting, DokanFileInfo* info)
    {
        try
        {
            return Answer(DokanInstances.Of(info).MoveFile(Name(fileName), Name(newFileName), replaceIfExisting != 0, ref *info));
        }
        catch (Exception e)
        {
            return Fail(info, e, nameof(MoveFile));
        }
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvStdcall)])]
    private static int LockFile(char* fileName, long byteOffset, long length, DokanFileInfo* info) =>
        Guard(fileName, byteOffset, length, info, static (ops, name, offset, count, ref i) => ops.LockFile(name, offset, count, ref i),
            nameof(LockFile));

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvStdcall)])]
    private static int UnlockFile(char* fileName, long byteOffset, long length, DokanFileInfo* info) =>
        Guard(fileName, byteOffset, length, info, static (ops, name, offset, count, ref i) => ops.UnlockFile(name, offset, count, ref i),
            nameof(UnlockFile));
}
