using System.Runtime.ExceptionServices;
using DokanRedirector.Smb.Messages;

namespace DokanRedirector.Smb;

public sealed partial class SmbFile
{
    // A transfer larger than MaxReadSize/MaxWriteSize is split into chunks with several in flight at once:
    // one round trip per chunk in sequence would leave the link idle. About 32 MiB in flight (4 chunks of
    // Samba's 8 MiB), bounded so small chunks (2.0.2: 64 KiB) neither crawl nor take every credit.
    private const int WindowBytes = 32 * 1024 * 1024;
    private const int MinChunksInFlight = 2;
    private const int MaxChunksInFlight = 16;

    /// <summary>
    /// Reads up to <c>buffer.Length</c> bytes at <paramref name="offset"/> straight into <paramref name="buffer"/>.
    /// </summary>
    /// <returns>The bytes read: fewer at the end of the file, 0 at or past it (STATUS_END_OF_FILE).</returns>
    public Task<int> ReadAsync(Memory<byte> buffer, long offset, CancellationToken ct)
    {
        var chunk = ChunkSize(offset, Connection.MaxReadSize);
        return buffer.Length <= chunk
            ? ReadChunkAsync(buffer, offset, ct)
            : PipelineAsync(buffer.Length, chunk, (start, length) => ReadChunkAsync(buffer.Slice(start, length), offset + start, ct));
    }

    /// <summary>Writes <paramref name="data"/> at <paramref name="offset"/>.</summary>
    /// <returns>The bytes the server wrote: all of them unless it ran out of space mid-way.</returns>
    public Task<int> WriteAsync(ReadOnlyMemory<byte> data, long offset, CancellationToken ct)
    {
        var chunk = ChunkSize(offset, Connection.MaxWriteSize);
        return data.Length <= chunk
            ? WriteChunkAsync(data, offset, ct)
            : PipelineAsync(data.Length, chunk, (start, length) => WriteChunkAsync(data.Slice(start, length), offset + start, ct));
    }

    // Checks the arguments of a transfer and returns the largest request the connection allows.
    private int ChunkSize(long offset, int maxSize)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        ObjectDisposedException.ThrowIf(IsClosed, this);
        return maxSize;
    }

    // The server copies its READ data into the pooled receive frame; we copy it once, into the caller's buffer.
    private async Task<int> ReadChunkAsync(Memory<byte> destination, long offset, CancellationToken ct)
    {
        ObjectDisposedException.ThrowIf(IsClosed, this);
        using var response = await Tree.SendAsync(new ReadRequest(FileId, offset, destination.Length), ct).ConfigureAwait(false);
        if (response.Status == NtStatus.EndOfFile)
        {
            return 0; // MS-SMB2 3.3.5.12: the offset is at or past the end of the file
        }
        if (response.Status.IsError)
        {
            throw new SmbStatusException(response.Status, SmbCommand.Read, Connection.Host, FullPath);
        }
        var read = ReadResponse.Read(response.Message);
        if (read.DataLength > destination.Length)
        {
            throw new SmbProtocolException($"READ of {destination.Length} bytes of {FullPath} returned {read.DataLength}.");
        }
        read.Data(response.Message).CopyTo(destination.Span);
        return read.DataLength;
    }

    // WriteRequest copies the caller's memory straight into the pooled send frame.
    private async Task<int> WriteChunkAsync(ReadOnlyMemory<byte> data, long offset, CancellationToken ct)
    {
        using var response = await SendExpectSuccessAsync(new WriteRequest(FileId, offset, data), ct).ConfigureAwait(false);
        var count = WriteResponse.Read(response.Message).Count;
        if (count > data.Length)
        {
            throw new SmbProtocolException($"WRITE of {data.Length} bytes to {FullPath} reports {count} written.");
        }
        return count;
    }

    /// <summary>
    /// Runs <paramref name="transfer"/>(start, length) over consecutive chunks of <paramref name="total"/> bytes,
    /// several in flight, and returns the bytes done up to the first short chunk (end of file, disk full).
    /// Every chunk is awaited before it returns or throws, so none touches the caller's buffer afterwards.
    /// </summary>
    private static async Task<int> PipelineAsync(int total, int chunk, Func<int, int, Task<int>> transfer)
    {
        var window = Math.Clamp(WindowBytes / chunk, MinChunksInFlight, MaxChunksInFlight);
        var inFlight = new Queue<(Task<int> Task, int Length)>(window);
        var issued = 0;
        var done = 0;
        var stop = false;
        ExceptionDispatchInfo? error = null;
        while (true)
        {
            while (!stop && issued < total && inFlight.Count < window)
            {
                var length = Math.Min(chunk, total - issued);
                inFlight.Enqueue((transfer(issued, length), length));
                issued += length;
            }
            if (!inFlight.TryDequeue(out var head))
            {
                break;
            }
            try
            {
                var count = await head.Task.ConfigureAwait(false);
                if (!stop)
                {
                    done += count;
                    stop = count < head.Length;
                }
            }
            catch (Exception e)
            {
                // The first failure is the one reported; later chunks failing with it add nothing.
                error ??= ExceptionDispatchInfo.Capture(e);
                stop = true;
            }
        }
        error?.Throw();
        return done;
    }
}
