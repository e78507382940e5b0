using System.Runtime.InteropServices;

namespace DokanRedirector.Dokan.Native;

/// <summary>
/// DOKAN_OPERATIONS (dokan.h): the 25 callbacks, in dokany's order, all DOKAN_CALLBACK (__stdcall).
/// NTSTATUS is an int, LPCWSTR a char*, BOOL an int. A null callback is allowed (dokan.h: "All callbacks
/// can be set to NULL"); dokan2.dll then answers STATUS_NOT_IMPLEMENTED.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct DokanOperations
{
    public delegate* unmanaged[Stdcall]<char*, DokanIoSecurityContext*, uint, uint, uint, uint, uint, DokanFileInfo*, int> ZwCreateFile;
    public delegate* unmanaged[Stdcall]<char*, DokanFileInfo*, void> Cleanup;
    public delegate* unmanaged[Stdcall]<char*, DokanFileInfo*, void> CloseFile;
    public delegate* unmanaged[Stdcall]<char*, byte*, uint, uint*, long, DokanFileInfo*, int> ReadFile;
    public delegate* unmanaged[Stdcall]<char*, byte*, uint, uint*, long, DokanFileInfo*, int> WriteFile;
    public delegate* unmanaged[Stdcall]<char*, DokanFileInfo*, int> FlushFileBuffers;
    public delegate* unmanaged[Stdcall]<char*, ByHandleFileInformation*, DokanFileInfo*, int> GetFileInformation;
    public delegate* unmanaged[Stdcall]<char*, FillFindDataCallback, DokanFileInfo*, int> FindFiles;
    public delegate* unmanaged[Stdcall]<char*, char*, FillFindDataCallback, DokanFileInfo*, int> FindFilesWithPattern;
    public delegate* unmanaged[Stdcall]<char*, uint, DokanFileInfo*, int> SetFileAttributes;
    public delegate* unmanaged[Stdcall]<char*, FileTime*, FileTime*, FileTime*, DokanFileInfo*, int> SetFileTime;
    public delegate* unmanaged[Stdcall]<char*, DokanFileInfo*, int> DeleteFile;
    public delegate* unmanaged[Stdcall]<char*, DokanFileInfo*, int> DeleteDirectory;
    public delegate* unmanaged[Stdcall]<char*, char*, int, DokanFileInfo*, int> MoveFile;
    public delegate* unmanaged[Stdcall]<char*, long, DokanFileInfo*, int> SetEndOfFile;
    public delegate* unmanaged[Stdcall]<char*, long, DokanFileInfo*, int> SetAllocationSize;
    public delegate* unmanaged[Stdcall]<char*, long, long, DokanFileInfo*, int> LockFile;
    public delegate* unmanaged[Stdcall]<char*, long, long, DokanFileInfo*, int> UnlockFile;
    public delegate* unmanaged[Stdcall]<ulong*, ulong*, ulong*, DokanFileInfo*, int> GetDiskFreeSpace;
    public delegate* unmanaged[Stdcall]<char*, uint, uint*, uint*, uint*, char*, uint, DokanFileInfo*, int> GetVolumeInformation;
    public delegate* unmanaged[Stdcall]<char*, DokanFileInfo*, int> Mounted;
    public delegate* unmanaged[Stdcall]<DokanFileInfo*, int> Unmounted;
    public delegate* unmanaged[Stdcall]<char*, uint*, byte*, uint, uint*, DokanFileInfo*, int> GetFileSecurity;
    public delegate* unmanaged[Stdcall]<char*, uint*, byte*, uint, DokanFileInfo*, int> SetFileSecurity;
    public delegate* unmanaged[Stdcall]<char*, nint, nint, DokanFileInfo*, int> FindStreams;
}

/// <summary>PFillFindData (dokan.h): <c>int WINAPI (PWIN32_FIND_DATAW, PDOKAN_FILE_INFO)</c>; 1 when the buffer is full.</summary>
[StructLayout(LayoutKind.Sequential)]
internal readonly unsafe struct FillFindDataCallback(delegate* unmanaged[Stdcall]<Win32FindData*, DokanFileInfo*, int> pointer)
{
    public delegate* unmanaged[Stdcall]<Win32FindData*, DokanFileInfo*, int> Pointer { get; } = pointer;
}
