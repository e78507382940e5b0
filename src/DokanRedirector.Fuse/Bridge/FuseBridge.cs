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
        ops->Flock = &Flock;
        ops->OpenDir = &OpenDir;
        ops->ReadDir = &ReadDir;
        ops->ReadDirPlus = &ReadDirPlus;
        ops->ReleaseDir = &ReleaseDir;
        ops->StatFs = &StatFs;
        return ops;
    }

    private static string Name(nint name) => Marshal.PtrToStringUTF8(name)!;

    private static long? HandleOf(FuseFileInfo* fileInfo) => fileInfo is null ? null : (long)fileInfo->Handle;

    /// <summary>
    /// The exception firewall: finds the mount, calls it with what the bridge copied out of the request
    /// (<paramref name="arguments"/>; pointers travel as nint and are read inside the try), and answers EIO
    /// if anything throws. <paramref name="call"/> is a static lambda, so nothing is allocated.
    /// </summary>
    private static void Dispatch<T>(nint request, string operation, T arguments, Action<FuseFileSystem, FuseRequest, T> call)
    {
        try
        {
            call(MountRegistry.Of(request), new FuseRequest(request), arguments);
        }
        catch (Exception e)
        {
            Fail(request, e, operation);
        }
    }

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

    /// <summary>fuse_req_interrupt_func's callback: <paramref name="data"/> is the id <see cref="Interrupts"/> gave.</summary>
    [UnmanagedCallersOnly]
    public static void Interrupt(nint request, nint data)
    {
        try
        {
            if (MountRegistry.TryGet(LibFuse.RequestUserData(request), out var fileSystem))
            {
                fileSystem.Interrupt(data);
            }
        }
        catch (Exception)
        {
            // The request goes on and is answered when the server is.
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
    private static void Lookup(nint request, ulong parent, byte* name) =>
        Dispatch(request, "lookup", (parent, name: (nint)name), static (fs, r, a) => fs.Lookup(r, a.parent, Name(a.name)));

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
    private static void GetAttr(nint request, ulong ino, FuseFileInfo* fileInfo) =>
        Dispatch(request, "getattr", (ino, fileInfo: (nint)fileInfo), static (fs, r, a) => fs.GetAttributes(r, a.ino, HandleOf((FuseFileInfo*)a.fileInfo)));

    [UnmanagedCallersOnly]
    private static void SetAttr(nint request, ulong ino, Stat* attributes, int toSet, FuseFileInfo* fileInfo) =>
        Dispatch(request, "setattr", (ino, attributes: (nint)attributes, toSet, fileInfo: (nint)fileInfo), static (fs, r, a) =>
            fs.SetAttributes(r, a.ino, AttributeChange.From(*(Stat*)a.attributes, a.toSet), HandleOf((FuseFileInfo*)a.fileInfo)));

    [UnmanagedCallersOnly]
    private static void MkDir(nint request, ulong parent, byte* name, uint mode) =>
        Dispatch(request, "mkdir", (parent, name: (nint)name), static (fs, r, a) => fs.MakeDirectory(r, a.parent, Name(a.name)));

    [UnmanagedCallersOnly]
    private static void Unlink(nint request, ulong parent, byte* name) =>
        Dispatch(request, "unlink", (parent, name: (nint)name), static (fs, r, a) => fs.Remove(r, a.parent, Name(a.name), "unlink"));

    [UnmanagedCallersOnly]
    private static void RmDir(nint request, ulong parent, byte* name) =>
        Dispatch(request, "rmdir", (parent, name: (nint)name), static (fs, r, a) => fs.Remove(r, a.parent, Name(a.name), "rmdir"));

    [UnmanagedCallersOnly]
    private static void Rename(nint request, ulong parent, byte* name, ulong newParent, byte* newName, uint flags) =>
        Dispatch(request, "rename", (parent, name: (nint)name, newParent, newName: (nint)newName, flags), static (fs, r, a) =>
            fs.Rename(r, a.parent, Name(a.name), a.newParent, Name(a.newName), a.flags));

    [UnmanagedCallersOnly]
    private static void Open(nint request, ulong ino, FuseFileInfo* fileInfo) =>
        Dispatch(request, "open", (ino, fileInfo: (nint)fileInfo), static (fs, r, a) => fs.Open(r, a.ino, ((FuseFileInfo*)a.fileInfo)->Flags));

    [UnmanagedCallersOnly]
    private static void Create(nint request, ulong parent, byte* name, uint mode, FuseFileInfo* fileInfo) =>
        Dispatch(request, "create", (parent, name: (nint)name, fileInfo: (nint)fileInfo), static (fs, r, a) =>
            fs.Create(r, a.parent, Name(a.name), ((FuseFileInfo*)a.fileInfo)->Flags));

    [UnmanagedCallersOnly]
    private static void Read(nint request, ulong ino, nuint size, long offset, FuseFileInfo* fileInfo) =>
        Dispatch(request, "read", (ino, size, offset, Handle: fileInfo->Handle), static (fs, r, a) =>
            fs.Read(r, a.ino, (long)a.Handle, (int)a.size, a.offset));

    [UnmanagedCallersOnly]
    private static void Write(nint request, ulong ino, byte* data, nuint size, long offset, FuseFileInfo* fileInfo) =>
        Dispatch(request, "write", (ino, data: (nint)data, size, offset, fileInfo: (nint)fileInfo), static (fs, r, a) =>
        {
            // libfuse reuses the request buffer once we return; the copy goes back to the pool after the write.
            var copy = ArrayPool<byte>.Shared.Rent((int)a.size);
            new ReadOnlySpan<byte>((byte*)a.data, (int)a.size).CopyTo(copy);
            fs.Write(r, a.ino, (long)((FuseFileInfo*)a.fileInfo)->Handle, copy, (int)a.size, a.offset);
        });

    [UnmanagedCallersOnly]
    private static void Flush(nint request, ulong ino, FuseFileInfo* fileInfo) =>
        Dispatch(request, "flush", ino, static (fs, r, ino) => fs.Flush(r, ino));

    [UnmanagedCallersOnly]
    private static void FSync(nint request, ulong ino, int dataSync, FuseFileInfo* fileInfo) =>
        Dispatch(request, "fsync", (ino, Handle: fileInfo->Handle), static (fs, r, a) => fs.FSync(r, a.ino, (long)a.Handle));

    [UnmanagedCallersOnly]
    private static void Release(nint request, ulong ino, FuseFileInfo* fileInfo) =>
        Dispatch(request, "release", (ino, Handle: fileInfo->Handle), static (fs, r, a) => fs.Release(r, a.ino, (long)a.Handle));

    [UnmanagedCallersOnly]
    private static void Flock(nint request, ulong ino, FuseFileInfo* fileInfo, int operation) =>
        Dispatch(request, "flock", (Handle: fileInfo->Handle, operation), static (fs, r, a) => fs.Flock(r, (long)a.Handle, a.operation));

    [UnmanagedCallersOnly]
    private static void OpenDir(nint request, ulong ino, FuseFileInfo* fileInfo) =>
        Dispatch(request, "opendir", ino, static (fs, r, ino) => fs.OpenDirectory(r, ino));

    [UnmanagedCallersOnly]
    private static void ReadDir(nint request, ulong ino, nuint size, long offset, FuseFileInfo* fileInfo) =>
        Dispatch(request, "readdir", (size, offset, Handle: fileInfo->Handle), static (fs, r, a) =>
            fs.ReadDirectory(r, (long)a.Handle, (int)a.size, a.offset, plus: false));

    [UnmanagedCallersOnly]
    private static void ReadDirPlus(nint request, ulong ino, nuint size, long offset, FuseFileInfo* fileInfo) =>
        Dispatch(request, "readdirplus", (size, offset, Handle: fileInfo->Handle), static (fs, r, a) =>
            fs.ReadDirectory(r, (long)a.Handle, (int)a.size, a.offset, plus: true));

    [UnmanagedCallersOnly]
    private static void ReleaseDir(nint request, ulong ino, FuseFileInfo* fileInfo) =>
        Dispatch(request, "releasedir", fileInfo->Handle, static (fs, r, handle) => fs.ReleaseDirectory(r, (long)handle));

    [UnmanagedCallersOnly]
    private static void StatFs(nint request, ulong ino) =>
        Dispatch(request, "statfs", ino, static (fs, r, ino) => fs.StatFileSystem(r, ino));
}
