using DokanRedirector.Dokan.Native;
using DokanRedirector.Rdbss.Mrx;

namespace DokanRedirector.Dokan.FileSystem;

// FindFilesWithPattern and the directory listing DeleteDirectory checks.
internal sealed partial class DokanFileSystem
{
    /// <summary>
    /// Lists the directory open on the handle and fills what matches <paramref name="searchPattern"/> by
    /// <see cref="NameExpression"/>. The server is asked for "*" and the pattern applied here, so every pattern,
    /// DOS wildcards included, follows Windows' rules whatever the server makes of them. At the drive's root
    /// "." and ".." are left out, as a volume's root has none.
    /// </summary>
    public NtStatus FindFilesWithPattern(string fileName, string searchPattern, FillFindData fill, ref DokanFileInfo info)
    {
        var handle = HandleOf(info);
        var listed = Run(ct => ListAsync(handle, ct), ref info);
        if (!listed.IsSuccess)
        {
            return listed.Status;
        }
        var isRoot = fileName.AsSpan().TrimStart('\\').IsEmpty;
        foreach (var entry in listed.Value!)
        {
            if ((isRoot && IsDotEntry(entry.Name)) || !NameExpression.IsMatch(searchPattern, entry.Name))
            {
                continue;
            }
            if (fill(FileInformationMapping.ToFindData(entry)))
            {
                break; // dokan.h: the buffer is full
            }
        }
        return NtStatus.Success;
    }

    private static bool IsDotEntry(string name) => name is "." or "..";

    /// <summary>Every entry, from a restarted scan to STATUS_NO_MORE_FILES.</summary>
    private async ValueTask<RxResult<List<DirectoryEntry>>> ListAsync(long handle, CancellationToken ct)
    {
        var entries = new List<DirectoryEntry>();
        for (var restart = true; ; restart = false)
        {
            var batch = await _redirector.QueryDirectoryAsync(handle, "*", restart, ct);
            if (batch.Status == NtStatus.NoMoreFiles || (restart && batch.Status == NtStatus.NoSuchFile))
            {
                return entries;
            }
            if (!batch.IsSuccess)
            {
                return batch.Status;
            }
            entries.AddRange(batch.Value!);
        }
    }
}
