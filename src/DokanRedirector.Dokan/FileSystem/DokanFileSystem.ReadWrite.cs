using DokanRedirector.Dokan.Native;
using DokanRedirector.Rdbss.Mrx;

namespace DokanRedirector.Dokan.FileSystem;

// ReadFile, WriteFile, FlushFileBuffers.
internal sealed partial class DokanFileSystem
{
    public NtStatus ReadFile(string fileName, Memory<byte> buffer, out int bytesRead, long offset, ref DokanFileInfo info)
    {
        var handle = HandleOf(info);
        var read = Run(ct => _redirector.ReadAsync(handle, offset, buffer, ct), ref info);
        bytesRead = read.IsSuccess ? read.Value : 0;
        return read.Status;
    }

    /// <summary>
    /// WriteToEndOfFile (or offset −1, FILE_WRITE_TO_END_OF_FILE) appends. dokan.h: paging I/O must not extend
    /// the file, so a paging write is cut at the end of file (the cache manager writes whole pages).
    /// </summary>
    public NtStatus WriteFile(string fileName, ReadOnlyMemory<byte> data, out int bytesWritten, long offset, ref DokanFileInfo info)
    {
        var handle = HandleOf(info);
        var append = info.WriteToEndOfFile != 0 || offset == -1;
        var paging = info.PagingIo != 0;
        var written = Run(ct => WriteAsync(handle, data, offset, append, paging, ct), ref info);
        bytesWritten = written.IsSuccess ? written.Value : 0;
        return written.Status;
    }

    public NtStatus FlushFileBuffers(string fileName, ref DokanFileInfo info)
    {
        var handle = HandleOf(info);
        return Run(ct => _redirector.FlushAsync(handle, ct), ref info);
    }

    private async ValueTask<RxResult<int>> WriteAsync(long handle, ReadOnlyMemory<byte> data, long offset, bool append, bool paging,
        CancellationToken ct)
    {
        if (append || paging)
        {
            var queried = await _redirector.QueryInformationAsync(handle, ct);
            if (!queried.IsSuccess)
            {
                return queried.Status;
            }
            var endOfFile = queried.Value.EndOfFile;
            if (append)
            {
                offset = endOfFile;
            }
            else if (offset >= endOfFile)
            {
                return 0;
            }
            else if (offset + data.Length > endOfFile)
            {
                data = data[..(int)(endOfFile - offset)];
            }
        }
        return await _redirector.WriteAsync(handle, offset, data, ct);
    }
}
