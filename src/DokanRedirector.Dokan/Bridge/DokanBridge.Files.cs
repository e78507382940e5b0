using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using DokanRedirector.Dokan.Native;

namespace DokanRedirector.Dokan.Bridge;

// ZwCreateFile, Cleanup, CloseFile, ReadFile, WriteFile, FlushFileBuffers.
internal static unsafe partial class DokanBridge
{
    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvStdcall)])]
    private static int ZwCreateFile(char* fileName, DokanIoSecurityContext* securityContext, uint desiredAccess, uint fileAttributes,
        uint shareAccess, uint createDisposition, uint createOptions, DokanFileInfo* info)
    {
        try
        {
            return Answer(DokanInstances.Of(info).ZwCreateFile(Name(fileName), (NtAccessMask)desiredAccess,
                (NtFileAttributes)fileAttributes, (NtShareAccess)shareAccess, (NtCreateDisposition)createDisposition,
                (NtCreateOptions)createOptions, ref *info));
        }
        catch (Exception e)
        {
            info->Context = 0; // dokan2.dll drops the context of a failed create; so must we
            return Fail(info, e, nameof(ZwCreateFile));
        }
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvStdcall)])]
    private static void Cleanup(char* fileName, DokanFileInfo* info)
    {
        try
        {
            DokanInstances.Of(info).Cleanup(Name(fileName), ref *info);
        }
        catch (Exception e)
        {
            Failed(info, e, nameof(Cleanup));
        }
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvStdcall)])]
    private static void CloseFile(char* fileName, DokanFileInfo* info)
    {
        try
        {
            DokanInstances.Of(info).CloseFile(Name(fileName), ref *info);
        }
        catch (Exception e)
        {
            Failed(info, e, nameof(CloseFile));
        }
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvStdcall)])]
    private static int ReadFile(char* fileName, byte* buffer, uint bufferLength, uint* readLength, long offset, DokanFileInfo* info)
    {
        try
        {
            using var memory = new NativeBuffer(buffer, (int)bufferLength);
            var status = DokanInstances.Of(info).ReadFile(Name(fileName), memory.Memory, out var read, offset, ref *info);
            *readLength = (uint)read;
            return Answer(status);
        }
        catch (Exception e)
        {
            *readLength = 0;
            return Fail(info, e, nameof(ReadFile));
        }
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvStdcall)])]
    private static int WriteFile(char* fileName, byte* buffer, uint numberOfBytesToWrite, uint* numberOfBytesWritten, long offset,
        DokanFileInfo* info)
    {
        try
        {
            using var memory = new NativeBuffer(buffer, (int)numberOfBytesToWrite);
            var status = DokanInstances.Of(info).WriteFile(Name(fileName), memory.Memory, out var written, offset, ref *info);
            *numberOfBytesWritten = (uint)written;
            return Answer(status);
        }
        catch (Exception e)
        {
            *numberOfBytesWritten = 0;
            return Fail(info, e, nameof(WriteFile));
        }
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvStdcall)])]
    private static int FlushFileBuffers(char* fileName, DokanFileInfo* info) =>
        Guard(fileName, info, static (ops, name, ref i) => ops.FlushFileBuffers(name, ref i), nameof(FlushFileBuffers));
}
