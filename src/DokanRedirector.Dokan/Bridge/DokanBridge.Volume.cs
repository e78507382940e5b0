using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using DokanRedirector.Dokan.FileSystem;
using DokanRedirector.Dokan.Native;

namespace DokanRedirector.Dokan.Bridge;

// GetDiskFreeSpace, GetVolumeInformation, Mounted, Unmounted, GetFileSecurity, SetFileSecurity.
internal static unsafe partial class DokanBridge
{
    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvStdcall)])]
    private static int GetDiskFreeSpace(ulong* freeBytesAvailable, ulong* totalNumberOfBytes, ulong* totalNumberOfFreeBytes,
        DokanFileInfo* info)
    {
        try
        {
            return Answer(DokanInstances.Of(info).GetDiskFreeSpace(out *freeBytesAvailable, out *totalNumberOfBytes,
                out *totalNumberOfFreeBytes, ref *info));
        }
        catch (Exception e)
        {
            *freeBytesAvailable = 0;
            *totalNumberOfBytes = 0;
            *totalNumberOfFreeBytes = 0;
            return Fail(info, e, nameof(GetDiskFreeSpace));
        }
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvStdcall)])]
    private static int GetVolumeInformation(char* volumeNameBuffer, uint volumeNameSize, uint* volumeSerialNumber,
        uint* maximumComponentLength, uint* fileSystemFlags, char* fileSystemNameBuffer, uint fileSystemNameSize, DokanFileInfo* info)
    {
        try
        {
            var status = DokanInstances.Of(info).GetVolumeInformation(new Span<char>(volumeNameBuffer, (int)volumeNameSize),
                out *volumeSerialNumber, out *maximumComponentLength, out var flags,
                new Span<char>(fileSystemNameBuffer, (int)fileSystemNameSize), ref *info);
            *fileSystemFlags = (uint)flags;
            return Answer(status);
        }
        catch (Exception e)
        {
            NulTerminated.Copy("", new Span<char>(volumeNameBuffer, (int)volumeNameSize));
            NulTerminated.Copy("", new Span<char>(fileSystemNameBuffer, (int)fileSystemNameSize));
            *volumeSerialNumber = 0;
            *maximumComponentLength = 0;
            *fileSystemFlags = 0;
            return Fail(info, e, nameof(GetVolumeInformation));
        }
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvStdcall)])]
    private static int Mounted(char* mountPoint, DokanFileInfo* info)
    {
        try
        {
            return Answer(DokanInstances.Of(info).Mounted(Name(mountPoint), ref *info));
        }
        catch (Exception e)
        {
            return Fail(info, e, nameof(Mounted));
        }
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvStdcall)])]
    private static int Unmounted(DokanFileInfo* info)
    {
        try
        {
            return Answer(DokanInstances.Of(info).Unmounted(ref *info));
        }
        catch (Exception e)
        {
            return Fail(info, e, nameof(Unmounted));
        }
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvStdcall)])]
    private static int GetFileSecurity(char* fileName, uint* securityInformation, byte* securityDescriptor, uint bufferLength,
        uint* lengthNeeded, DokanFileInfo* info)
    {
        try
        {
            return Answer(DokanInstances.Of(info).GetFileSecurity(Name(fileName), (SecurityInformation)(*securityInformation),
                new Span<byte>(securityDescriptor, (int)bufferLength), out *lengthNeeded, ref *info));
        }
        catch (Exception e)
        {
            *lengthNeeded = 0;
            return Fail(info, e, nameof(GetFileSecurity));
        }
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvStdcall)])]
    private static int SetFileSecurity(char* fileName, uint* securityInformation, byte* securityDescriptor, uint bufferLength,
        DokanFileInfo* info)
    {
        try
        {
            return Answer(DokanInstances.Of(info).SetFileSecurity(Name(fileName), (SecurityInformation)(*securityInformation),
                new ReadOnlySpan<byte>(securityDescriptor, (int)bufferLength), ref *info));
        }
        catch (Exception e)
        {
            return Fail(info, e, nameof(SetFileSecurity));
        }
    }
}
