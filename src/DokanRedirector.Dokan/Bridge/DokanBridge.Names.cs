using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using DokanRedirector.Dokan.Native;

namespace DokanRedirector.Dokan.Bridge;

// DeleteFile, DeleteDirectory, MoveFile, LockFile, UnlockFile.
internal static unsafe partial class DokanBridge
{
    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvStdcall)])]
    private static int DeleteFile(char* fileName, DokanFileInfo* info)
    {
        try
        {
            return Answer(DokanInstances.Of(info).DeleteFile(Name(fileName), ref *info));
        }
        catch (Exception e)
        {
            return Fail(info, e, nameof(DeleteFile));
        }
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvStdcall)])]
    private static int DeleteDirectory(char* fileName, DokanFileInfo* info)
    {
        try
        {
            return Answer(DokanInstances.Of(info).DeleteDirectory(Name(fileName), ref *info));
        }
        catch (Exception e)
        {
            return Fail(info, e, nameof(DeleteDirectory));
        }
    }

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
    private static int LockFile(char* fileName, long byteOffset, long length, DokanFileInfo* info)
    {
        try
        {
            return Answer(DokanInstances.Of(info).LockFile(Name(fileName), byteOffset, length, ref *info));
        }
        catch (Exception e)
        {
            return Fail(info, e, nameof(LockFile));
        }
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvStdcall)])]
    private static int UnlockFile(char* fileName, long byteOffset, long length, DokanFileInfo* info)
    {
        try
        {
            return Answer(DokanInstances.Of(info).UnlockFile(Name(fileName), byteOffset, length, ref *info));
        }
        catch (Exception e)
        {
            return Fail(info, e, nameof(UnlockFile));
        }
    }
}
