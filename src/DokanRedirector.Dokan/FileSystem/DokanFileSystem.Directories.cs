using DokanRedirector.Dokan.Native;
using DokanRedirector.Rdbss.Mrx;

namespace DokanRedirector.Dokan.FileSystem;

// FindFilesWithPattern.
internal sealed partial class DokanFileSystem
{
    /// <summary>
    /// Lists the directory open on the handle and fills what matches <paramref name="searchPattern"/> by
    /// <see cref="NameExpression"/>. The server is asked for "*" and the pattern applied here, so every pattern,
    /// DOS wildcards included, follows Windows' rules whatever the server makes of them. The mini-redirector
    /// lists no "." and ".." (IMiniRedirector.QueryDirectory); below the root they are added, as NTFS lists them.
    /// </summary>
    public NtStatus FindFilesWithPattern(string fileName, string searchPattern, FillFindData fill, ref DokanFileInfo info)
    {
        var handle = HandleOf(info);
        var isRoot = fileName.AsSpan().TrimStart('\\').IsEmpty;
        var listed = Run(ct => ListAsync(handle, withDotEntries: !isRoot, ct), ref info);
        if (!listed.IsSuccess)
        {
            return listed.Status;
        }
        foreach (var entry in listed.Value!)
        {
            if (!NameExpression.IsMatch(searchPattern, entry.Name))
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

    /// <summary>Every entry, from a restarted scan to STATUS_NO_MORE_FILES. "." and ".." carry the directory's
    /// own information: FindFirstFile callers read only their names and the directory attribute.</summary>
    private async ValueTask<RxResult<List<DirectoryEntry>>> ListAsync(long handle, bool withDotEntries, CancellationToken ct)
    {
        var entries = new List<DirectoryEntry>();
        if (withDotEntries)
        {
            var self = await _redirector.QueryInformationAsync(handle, ct);
            if (!self.IsSuccess)
            {
                return self.Status;
            }
            entries.Add(new DirectoryEntry(".", self.Value));
            entries.Add(new DirectoryEntry("..", self.Value));
        }
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
