using DokanRedirector.Dokan.Native;

namespace DokanRedirector.Dokan.FileSystem;

// GetFileSecurity, SetFileSecurity.
internal sealed partial class DokanFileSystem
{
    /// <summary>
    /// The <see cref="DefaultSecurityDescriptor"/>. dokan.h: STATUS_BUFFER_OVERFLOW with the length needed when
    /// it does not fit, and the I/O manager asks again with a larger buffer.
    /// </summary>
    public NtStatus GetFileSecurity(string fileName, SecurityInformation requested, Span<byte> descriptor, out uint lengthNeeded,
        ref DokanFileInfo info)
    {
        var built = DefaultSecurityDescriptor.Build(requested, info.IsDirectory != 0);
        lengthNeeded = (uint)built.Length;
        if (built.Length > descriptor.Length)
        {
            return NtStatus.BufferOverflow;
        }
        built.CopyTo(descriptor);
        return NtStatus.Success;
    }

    /// <summary>
    /// Accepted and not kept: the volume does not claim FILE_PERSISTENT_ACLS, so tools that manage ACLs know
    /// better, but ReplaceFile (how Office and many editors save) copies the old file's descriptor to the new
    /// one unconditionally and would fail the save on an error.
    /// </summary>
    public NtStatus SetFileSecurity(string fileName, SecurityInformation requested, ReadOnlySpan<byte> descriptor, ref DokanFileInfo info)
    {
        Log.SecurityIgnored(_log, fileName, requested);
        return NtStatus.Success;
    }
}
