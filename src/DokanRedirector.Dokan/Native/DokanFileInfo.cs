using System.Runtime.InteropServices;

namespace DokanRedirector.Dokan.Native;

/// <summary>DOKAN_FILE_INFO (dokan.h): the per-operation view of an open, owned by dokan2.dll.</summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct DokanFileInfo
{
    /// <summary>ULONG64 Context: ours; the Redirector's handle id (0 = none).</summary>
    public ulong Context;
    /// <summary>ULONG64 DokanContext: reserved to the library.</summary>
    public ulong DokanContext;
    /// <summary>PDOKAN_OPTIONS DokanOptions: the mount's options, so <see cref="DokanOptions.GlobalContext"/>.</summary>
    public DokanOptions* DokanOptions;
    /// <summary>PVOID ProcessingContext: reserved to the library.</summary>
    public nint ProcessingContext;
    /// <summary>ULONG ProcessId of the requesting thread.</summary>
    public uint ProcessId;
    /// <summary>UCHAR IsDirectory: set by ZwCreateFile when the object is a directory.</summary>
    public byte IsDirectory;
    /// <summary>UCHAR DeletePending: the object must be deleted in Cleanup.</summary>
    public byte DeletePending;
    public byte PagingIo;
    public byte SynchronousIo;
    public byte Nocache;
    /// <summary>UCHAR WriteToEndOfFile: append, ignoring the offset.</summary>
    public byte WriteToEndOfFile;
}
