using System.Buffers;
using DokanRedirector.Rdbss.Structures;

namespace DokanRedirector.Rdbss.Mrx;

/// <summary>
/// The default <see cref="IMiniRedirector.ReadBuffer"/>: an array from a pool that
/// <see cref="IMiniRedirector.Read"/> reads into, handed to the caller as the buffer of what was read.
/// </summary>
internal sealed class PooledReadBuffer : IMemoryOwner<byte>
{
    private readonly ArrayPool<byte> _pool;
    private byte[]? _array;
    private int _length;

    private PooledReadBuffer(ArrayPool<byte> pool, int length)
    {
        _pool = pool;
        _array = pool.Rent(length);
        _length = length;
    }

    /// <summary>The bytes read.</summary>
    public Memory<byte> Memory => (_array ?? throw new ObjectDisposedException(nameof(PooledReadBuffer))).AsMemory(0, _length);

    /// <summary>
    /// Reads up to <paramref name="length"/> bytes through <paramref name="mrx"/>'s Read into an array from
    /// <paramref name="pool"/>. Only a success hands the array on (in the buffer the caller disposes); a failed,
    /// throwing or cancelled Read returns it to the pool here.
    /// </summary>
    public static async ValueTask<RxResult<IMemoryOwner<byte>>> ReadAsync(IMiniRedirector mrx, SrvOpen srvOpen, long offset,
        int length, ArrayPool<byte> pool, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        var buffer = new PooledReadBuffer(pool, length);
        RxResult<int> read;
        try
        {
            read = await mrx.Read(srvOpen, offset, buffer.Memory, cancellationToken);
        }
        catch
        {
            buffer.Dispose();
            throw;
        }
        if (!read.IsSuccess)
        {
            buffer.Dispose();
            return read.Status;
        }
        buffer._length = read.Value;
        return RxResult<IMemoryOwner<byte>>.Ok(buffer);
    }

    /// <summary>Returns the array to its pool, once however often it is called.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _array, null) is { } array)
        {
            _pool.Return(array);
        }
    }
}
