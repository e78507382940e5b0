using System.Buffers;
using System.Runtime.InteropServices;
using DokanRedirector.Fuse.FileSystem;
using DokanRedirector.Fuse.Native;

namespace DokanRedirector.Fuse.Bridge;

/// <summary>
/// The fuse_lowlevel_ops table: thin static <c>[UnmanagedCallersOnly]</c> bridges. Each copies what it
/// needs out of the request's memory (names, write data and fuse_file_info are only valid until it
/// returns), finds the mount by its userdata id, calls one method and catches everything: an exception
/// is answered EIO, never thrown into libfuse.
/// </summary>
internal static unsafe class FuseBridge
{
    /// <summary>One table for every mount (libfuse copies it into the session); never freed.</summary>
    public static FuseLowLevelOps* Operations { get; } = CreateOperations();

    private static FuseLowLevelOps* CreateOperations()
    {
        var ops = (FuseLowLevelOps*)NativeMemory.AllocZeroed((nuint)sizeof(FuseLowLevelOps));
        ops->Init = &Init;
        ops->Lookup = &Lookup;
        ops->Forget = &Forget;
        ops->ForgetMulti = &ForgetMulti;
        ops->GetAttr = &GetAttr;
        ops->SetAttr = &SetAttr;
        ops->MkDir = &MkDir;
        ops->Unlink = &Unlink;
        ops->RmDir = &RmDir;
        ops->Rename = &Rename;
        ops->Open = &Open;
        ops->Create = &Create;
        ops->Read = &Read;
        ops->Write = &Write;
        ops->Flush = &Flush;
        ops->FSync = &FSync;
        ops->Release = &Release;
        ops->OpenDir = &OpenDir;
        ops->ReadDir = &ReadDir;
        ops->ReadDirPlus = &ReadDirPlus;
        ops->ReleaseDir = &ReleaseDir;
        ops->StatFs = &StatFs;
        return ops;
    }

    private static string Name(byte* name) => Marshal.PtrToStringUTF8((nint)name)!;

    private static long? HandleOf(FuseFileInfo* fileInfo) => fileInfo is null ? null : (long)fileInfo->Handle;

    private static void Fail(nint request, Exception exception, string operation)
    {
        if (MountRegistry.TryGet(LibFuse.RequestUserData(request), out var fileSystem))
        {
            fileSystem.Fail(new FuseRequest(request), exception, operation);
        }
        else
        {
            LibFuse.ReplyErr(request, Errno.EIO);
        }
    }

    [UnmanagedCallersOnly]
    private static void Init(nint userdata, FuseConnInfo* connection)
    {
        try
        {
            if (MountRegistry.TryGet(userdata, out var fileSystem))
            {
                fileSystem.Initialize(ref *connection);
            }
        }
        catch (Exception)
        {
            // Nothing to answer; the kernel keeps libfuse's defaults.
        }
    }

    [UnmanagedCallersOnly]
    private static void Lookup(nint request, ulong parent, byte* name)
    {
        try
        {
            MountRegistry.Of(request).Lookup(new FuseRequest(request), parent, Name(name));
        }
        catch (Exception e)
        {
            Fail(request, e, "lookup");
        }
    }

    // forget has no answer but fuse_reply_none, which must still come.
    [UnmanagedCallersOnly]
    private static void Forget(nint request, ulong ino, ulong lookups)
    {
        try
        {
            MountRegistry.Of(request).Forget(new FuseRequest(request), ino, lookups);
        }
        catch (Exception)
        {
            LibFuse.ReplyNone(request);
        }
    }

    [UnmanagedCallersOnly]
    private static void ForgetMulti(nint request, nuint count, FuseForgetData* forgets)
    {
        try
        {
            MountRegistry.Of(request).Forget(new FuseRequest(request), new ReadOnlySpan<FuseForgetData>(forgets, (int)count));
        }
        catch (Exception)
        {
            LibFuse.ReplyNone(request);
        }
    }

    [UnmanagedCallersOnly]
    private static void GetAttr(nint request, ulong ino, FuseFileInfo* fileInfo)
    {
        try
        {
            MountRegistry.Of(request).GetAttributes(new FuseRequest(request), ino, HandleOf(fileInfo));
        }
        catch (Exception e)
        {
            Fail(request, e, "getattr");
        }
    }

    [UnmanagedCallersOnly]
    private static void SetAttr(nint request, ulong ino, Stat* attributes, int toSet, FuseFileInfo* fileInfo)
    {
        try
        {
            MountRegistry.Of(request).SetAttributes(new FuseRequest(request), ino, AttributeChange.From(*attributes, toSet), HandleOf(fileInfo));
        }
        catch (Exception e)
        {
            Fail(request, e, "setattr");
        }
    }

    [UnmanagedCallersOnly]
    private static void MkDir(nint request, ulong parent, byte* name, uint mode)
    {
        try
        {
            MountRegistry.Of(request).MakeDirectory(new FuseRequest(request), parent, Name(name));
        }
        catch (Exception e)
        {
            Fail(request, e, "mkdir");
        }
    }

    [UnmanagedCallersOnly]
    private static void Unlink(nint request, ulong parent, byte* name)
    {
        try
        {
            MountRegistry.Of(request).Remove(new FuseRequest(request), parent, Name(name), "unlink");
        }
        catch (Exception e)
        {
            Fail(request, e, "unlink");
        }
    }

    [UnmanagedCallersOnly]
    private static void RmDir(nint request, ulong parent, byte* name)
    {
        try
        {
            MountRegistry.Of(request).Remove(new FuseRequest(request), parent, Name(name), "rmdir");
        }
        catch (Exception e)
        {
            Fail(request, e, "rmdir");
        }
    }

    [UnmanagedCallersOnly]
    private static void Rename(nint request, ulong parent, byte* name, ulong newParent, byte* newName, uint flags)
    {
        try
        {
            MountRegistry.Of(request).Rename(new FuseRequest(request), parent, Name(name), newParent, Name(newName), flags);
        }
        catch (Exception e)
        {
            Fail(request, e, "rename");
        }
    }

    [UnmanagedCallersOnly]
    private static void Open(nint request, ulong ino, FuseFileInfo* fileInfo)
    {
        try
        {
            MountRegistry.Of(request).Open(new FuseRequest(request), ino, fileInfo->Flags);
        }
        catch (Exception e)
        {
            Fail(request, e, "open");
        }
    }

    [UnmanagedCallersOnly]
    private static void Create(nint request, ulong parent, byte* name, uint mode, FuseFileInfo* fileInfo)
    {
        try
        {
            MountRegistry.Of(request).Create(new FuseRequest(request), parent, Name(name), fileInfo->Flags);
        }
        catch (Exception e)
        {
            Fail(request, e, "create");
        }
    }

    [UnmanagedCallersOnly]
    private static void Read(nint request, ulong ino, nuint size, long offset, FuseFileInfo* fileInfo)
    {
        try
        {
            MountRegistry.Of(request).Read(new FuseRequest(request), ino, (long)fileInfo->Handle, (int)size, offset);
        }
        catch (Exception e)
        {
            Fail(request, e, "read");
        }
    }

    [UnmanagedCallersOnly]
    private static void Write(nint request, ulong ino, byte* data, nuint size, long offset, FuseFileInfo* fileInfo)
    {
        try
        {
            // libfuse reuses the request buffer once we return; the copy goes back to the pool after the write.
            var copy = ArrayPool<byte>.Shared.Rent((int)size);
            new ReadOnlySpan<byte>(data, (int)size).CopyTo(copy);
            MountRegistry.Of(request).Write(new FuseRequest(request), ino, (long)fileInfo->Handle, copy, (int)size, offset);
        }
        catch (Exception e)
        {
            Fail(request, e, "write");
        }
    }

    [UnmanagedCallersOnly]
    private static void Flush(nint request, ulong ino, FuseFileInfo* fileInfo)
    {
        try
        {
            MountRegistry.Of(request).Flush(new FuseRequest(request), ino);
        }
        catch (Exception e)
        {
            Fail(request, e, "flush");
        }
    }

    [UnmanagedCallersOnly]
    private static void FSync(nint request, ulong ino, int dataSync, FuseFileInfo* fileInfo)
    {
        try
        {
            MountRegistry.Of(request).FSync(new FuseRequest(request), ino, (long)fileInfo->Handle);
        }
        catch (Exception e)
        {
            Fail(request, e, "fsync");
        }
    }

    [UnmanagedCallersOnly]
    private static void Release(nint request, ulong ino, FuseFileInfo* fileInfo)
    {
        try
        {
            MountRegistry.Of(request).Release(new FuseRequest(request), ino, (long)fileInfo->Handle);
        }
        catch (Exception e)
        {
            Fail(request, e, "release");
        }
    }

    [UnmanagedCallersOnly]
    private static void OpenDir(nint request, ulong ino, FuseFileInfo* fileInfo)
    {
        try
        {
            MountRegistry.Of(request).OpenDirectory(new FuseRequest(request), ino);
        }
        catch (Exception e)
        {
            Fail(request, e, "opendir");
        }
    }

    [UnmanagedCallersOnly]
    private static void ReadDir(nint request, ulong ino, nuint size, long offset, FuseFileInfo* fileInfo)
    {
        try
        {
            MountRegistry.Of(request).ReadDirectory(new FuseRequest(request), (long)fileInfo->Handle, (int)size, offset, plus: false);
        }
        catch (Exception e)
        {
            Fail(request, e, "readdir");
        }
    }

    [UnmanagedCallersOnly]
    private static void ReadDirPlus(nint request, ulong ino, nuint size, long offset, FuseFileInfo* fileInfo)
    {
        try
        {
            MountRegistry.Of(request).ReadDirectory(new FuseRequest(request), (long)fileInfo->Handle, (int)size, offset, plus: true);
        }
        catch (Exception e)
        {
            Fail(request, e, "readdirplus");
        }
    }

    [UnmanagedCallersOnly]
    private static void ReleaseDir(nint request, ulong ino, FuseFileInfo* fileInfo)
    {
        try
        {
            MountRegistry.Of(request).ReleaseDirectory(new FuseRequest(request), (long)fileInfo->Handle);
        }
        catch (Exception e)
        {
            Fail(request, e, "releasedir");
        }
    }

    [UnmanagedCallersOnly]
    private static void StatFs(nint request, ulong ino)
    {
        try
        {
            MountRegistry.Of(request).StatFileSystem(new FuseRequest(request), ino);
        }
        catch (Exception e)
        {
            Fail(request, e, "statfs");
        }
    }
}
