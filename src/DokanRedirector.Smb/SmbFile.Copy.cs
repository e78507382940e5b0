using System.Buffers;

namespace DokanRedirector.Smb;

public sealed partial class SmbFile
{
    /// <summary>
    /// Reads the whole file, from offset 0 to its end, and writes it to <paramref name="destination"/> in order. A
    /// window of <see cref="ReadChunkSize"/> READs stays in flight while earlier chunks are written. Each
    /// chunk goes to the destination straight from the pooled frame its response arrived in, which returns to the
    /// pool for a later response once written.
    /// </summary>
    /// <returns>The bytes copied: the file's length, unless it changed while being read.</returns>
    public async Task<long> CopyToAsync(Stream destination, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(destination);
        CheckTransfer(offset: 0);
        var chunk = ReadChunkSize;
        var window = new ChunkWindow<ReadChunk>(chunk, static read => read.Length, static read => read.Dispose());
        var offset = 0L;
        var copied = 0L;
        Fill();
        while (await window.MoveNextAsync().ConfigureAwait(false))
        {
            using var read = window.Current.Result;
            // Refill before writing, so the window stays full while the destination takes its time.
            Fill();
            try
            {
                await destination.WriteAsync(read.Memory, ct).ConfigureAwait(false);
                copied += read.Length;
            }
            catch (Exception e)
            {
                window.Stop(e);
            }
        }
        return copied;

        void Fill()
        {
            while (window.HasRoom)
            {
                window.Add(ReadChunkAsync(offset, chunk, ct), chunk);
                offset += chunk;
            }
        }
    }

    /// <summary>
    /// Writes what is left of <paramref name="source"/> into the file from <paramref name="offset"/> on, with a
    /// window of <see cref="WriteChunkSize"/> WRITEs in flight while the next chunk is read from the
    /// source into a pooled buffer.
    /// </summary>
    /// <returns>The bytes the server wrote: all the source had unless the server ran out of space mid-way.</returns>
    public async Task<long> CopyFromAsync(Stream source, long offset, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(source);
        CheckTransfer(offset);
        var chunk = WriteChunkSize;
        var window = new ChunkWindow<int>(chunk, static count => count);
        using var buffers = new ChunkBuffers(chunk);
        var written = 0L;
        var atEnd = false;
        while (true)
        {
            while (!atEnd && window.HasRoom)
            {
                var buffer = buffers.Rent();
                int length;
                try
                {
                    length = await source.ReadAtLeastAsync(buffer.AsMemory(0, chunk), chunk, throwOnEndOfStream: false, ct).ConfigureAwait(false);
                }
                catch (Exception e)
                {
                    window.Stop(e);
                    length = 0;
                }
                atEnd = length < chunk;
                if (length == 0)
                {
                    buffers.Return(buffer);
                    break;
                }
                window.Add(WriteChunkAsync(buffer.AsMemory(0, length), offset, ct), length, buffer);
                offset += length;
            }
            if (!await window.MoveNextAsync().ConfigureAwait(false))
            {
                return written;
            }
            written += window.Current.Count;
            buffers.Return(window.Current.Buffer!);
        }
    }

    /// <summary>
    /// The chunk buffers of one copy from a stream, rented from <see cref="ArrayPool{T}.Shared"/> as the window first
    /// needs them and reused after. Disposed only once the window is done, so no WRITE still reads from one.
    /// </summary>
    private sealed class ChunkBuffers(int chunk) : IDisposable
    {
        private readonly List<byte[]> _rented = [];
        private readonly Stack<byte[]> _free = new();

        public byte[] Rent()
        {
            if (_free.TryPop(out var buffer))
            {
                return buffer;
            }
            buffer = ArrayPool<byte>.Shared.Rent(chunk);
            _rented.Add(buffer);
            return buffer;
        }

        public void Return(byte[] buffer) => _free.Push(buffer);

        public void Dispose()
        {
            foreach (var buffer in _rented)
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }
    }
}
