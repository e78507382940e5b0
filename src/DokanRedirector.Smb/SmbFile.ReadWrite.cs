using System.Buffers;
using DokanRedirector.Smb.Messages;
using DokanRedirector.Smb.Transport;

namespace DokanRedirector.Smb;

public sealed partial class SmbFile
{
    /// <summary>
    /// Reads up to <c>buffer.Length</c> bytes at <paramref name="offset"/> straight into <paramref name="buffer"/>.
    /// </summary>
    /// <returns>The bytes read: fewer at the end of the file, 0 at or past it (STATUS_END_OF_FILE).</returns>
    public Task<int> ReadAsync(Memory<byte> buffer, long offset, CancellationToken ct)
    {
        CheckTransfer(offset);
        var chunk = ReadChunkSize;
        return buffer.Length <= chunk
            ? ReadChunkAsync(buffer, offset, ct)
            : PipelineAsync(buffer.Length, chunk, (start, length) => ReadChunkAsync(buffer.Slice(start, length), offset + start, ct));
    }

    /// <summary>
    /// One READ of up to <paramref name="length"/> bytes at <paramref name="offset"/>, its data left in the pooled
    /// frame the response arrived in, so a caller that passes it on (a FUSE reply) copies nothing here. At most
    /// <see cref="ReadChunkSize"/> bytes: a longer <paramref name="length"/> gets one READ's worth, fewer than asked
    /// though the file goes on, so read on from the end of what came back.
    /// </summary>
    /// <returns>
    /// The data, fewer bytes at the end of the file and none at or past it (STATUS_END_OF_FILE). The caller owns it
    /// and disposes it, which returns the frame to the pool; its memory is not to be used after that. A READ that
    /// fails or is cancelled returns nothing, so there is nothing to dispose.
    /// </returns>
    public async Task<IMemoryOwner<byte>> ReadBufferAsync(long offset, int length, CancellationToken ct)
    {
        CheckTransfer(offset);
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        return await ReadChunkAsync(offset, Math.Min(length, ReadChunkSize), ct).ConfigureAwait(false);
    }

    /// <summary>Writes <paramref name="data"/> at <paramref name="offset"/>.</summary>
    /// <returns>The bytes the server wrote: all of them unless it ran out of space mid-way.</returns>
    public Task<int> WriteAsync(ReadOnlyMemory<byte> data, long offset, CancellationToken ct)
    {
        CheckTransfer(offset);
        var chunk = WriteChunkSize;
        return data.Length <= chunk
            ? WriteChunkAsync(data, offset, ct)
            : PipelineAsync(data.Length, chunk, (start, length) => WriteChunkAsync(data.Slice(start, length), offset + start, ct));
    }

    // A request moves at most 2 MiB even where the server allows more (Samba: 8 MiB). Where the CPU and not the wire
    // is the limit, as on loopback, a chunk that stays in the caches while it is copied, signed and verified on both
    // sides beat 8 MiB chunks by about 15% on reads and 20% on writes (bench: -- smb), and it needs smaller frames.
    private const int MaxChunkSize = 2 * 1024 * 1024;

    /// <summary>
    /// The bytes one READ of a transfer asks for: the server's <see cref="SmbConnection.MaxReadSize"/>, at most
    /// 2 MiB, less room for the message around the data when that keeps its frame in a pooled array of that size.
    /// </summary>
    public int ReadChunkSize => FrameBuffer.PayloadFittingArray(Math.Min(Connection.MaxReadSize, MaxChunkSize));

    /// <summary>The bytes one WRITE of a transfer carries, chosen as <see cref="ReadChunkSize"/> is.</summary>
    public int WriteChunkSize => FrameBuffer.PayloadFittingArray(Math.Min(Connection.MaxWriteSize, MaxChunkSize));

    private void CheckTransfer(long offset)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        ObjectDisposedException.ThrowIf(IsClosed, this);
    }

    // Copies one READ's data out of its receive frame into the caller's buffer.
    private async Task<int> ReadChunkAsync(Memory<byte> destination, long offset, CancellationToken ct)
    {
        using var chunk = await ReadChunkAsync(offset, destination.Length, ct).ConfigureAwait(false);
        chunk.Memory.Span.CopyTo(destination.Span);
        return chunk.Length;
    }

    // One READ of up to `length` bytes. The data stays in the pooled frame the response arrived in, so a caller can
    // pass it on without a copy of its own; the caller disposes the chunk. Until it returns, the response is this
    // method's to dispose: on a failure after it arrived, it goes back here.
    private async Task<ReadChunk> ReadChunkAsync(long offset, int length, CancellationToken ct)
    {
        ObjectDisposedException.ThrowIf(IsClosed, this);
        var response = await Tree.SendAsync(new ReadRequest(FileId, offset, length), ct).ConfigureAwait(false);
        try
        {
            if (response.Status == NtStatus.EndOfFile)
            {
                response.Dispose();
                return ReadChunk.EndOfFile; // MS-SMB2 3.3.5.12: the offset is at or past the end of the file
            }
            if (response.Status.IsError)
            {
                throw new SmbStatusException(response.Status, SmbCommand.Read, Connection.Host, FullPath);
            }
            var read = ReadResponse.Read(response.Message);
            if (read.DataLength > length)
            {
                throw new SmbProtocolException($"READ of {length} bytes of {FullPath} returned {read.DataLength}.");
            }
            return new ReadChunk(response, read);
        }
        catch
        {
            response.Dispose();
            throw;
        }
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
    /// a window of them in flight, and returns the bytes done up to the first short chunk (end of file, disk full).
    /// Every chunk is awaited before it returns or throws, so none touches the caller's buffer afterwards.
    /// </summary>
    private static async Task<int> PipelineAsync(int total, int chunk, Func<int, int, Task<int>> transfer)
    {
        var window = new ChunkWindow<int>(chunk, static count => count);
        var issued = 0;
        var done = 0;
        while (true)
        {
            while (window.HasRoom && issued < total)
            {
                var length = Math.Min(chunk, total - issued);
                window.Add(transfer(issued, length), length);
                issued += length;
            }
            if (!await window.MoveNextAsync().ConfigureAwait(false))
            {
                return done;
            }
            done += window.Current.Count;
        }
    }

    /// <summary>
    /// The data of one READ, in the pooled frame its response arrived in; <see cref="EndOfFile"/> holds none.
    /// Disposing returns the frame (once, however often it is called).
    /// </summary>
    private sealed class ReadChunk(SmbResponse? response, ReadResponse read) : IMemoryOwner<byte>
    {
        /// <summary>No data and no frame: a READ at or past the end of the file.</summary>
        public static readonly ReadChunk EndOfFile = new(null, default);

        public int Length => response is null ? 0 : read.DataLength;

        /// <summary>The data; writable because <see cref="IMemoryOwner{T}"/> says so, and the frame is the owner's alone.</summary>
        public Memory<byte> Memory => response is null ? default : read.Data(response.MessageMemory);

        public void Dispose() => response?.Dispose();
    }
}
