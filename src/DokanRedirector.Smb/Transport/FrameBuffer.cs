using System.Buffers;
using System.Numerics;

namespace DokanRedirector.Smb.Transport;

/// <summary>
/// One received or outgoing Direct-TCP frame in a pooled array. Reference-counted because the messages
/// of a compound response share their frame: each <see cref="SmbResponse"/> holds one reference and the
/// array goes back to the pool when the last one is released.
/// </summary>
internal sealed class FrameBuffer
{
    /// <summary>Frames from this size on (multi-megabyte READ responses and WRITE requests) come from <see cref="LargeFrames"/>.</summary>
    public const int LargeFrameSize = 1024 * 1024;

    // Room for what surrounds the data of a READ or WRITE in its frame: the Direct-TCP prefix, a TRANSFORM_HEADER,
    // the SMB2 header and the command's fixed part. 4 KiB keeps chunks whole pages.
    private const int MessageRoom = 4096;

    // A large frame is rented by one thread and released by another (the receive loop rents it, the reader of the
    // response releases it). ArrayPool<byte>.Shared keeps one array of each size per thread, so such arrays pile up
    // in threads that never rent them while the receive loop allocates more; this pool has no per-thread caches.
    private static readonly ArrayPool<byte> LargeFrames = ArrayPool<byte>.Create(DirectTcpTransport.MaxFrameLimit + 1, maxArraysPerBucket: 32);

    private readonly ArrayPool<byte> _pool;
    private byte[]? _array;
    private int _references = 1;

    private FrameBuffer(ArrayPool<byte> pool, int length)
    {
        _pool = pool;
        _array = pool.Rent(length);
        Length = length;
    }

    public int Length { get; }

    public Span<byte> Span => Array.AsSpan(0, Length);

    public Memory<byte> Memory => Array.AsMemory(0, Length);

    private byte[] Array => _array ?? throw new ObjectDisposedException(nameof(FrameBuffer));

    public static FrameBuffer Rent(int length) => new(length >= LargeFrameSize ? LargeFrames : ArrayPool<byte>.Shared, length);

    /// <summary>
    /// The largest READ or WRITE payload up to <paramref name="maxPayload"/> whose frame fits a pooled array no
    /// larger than the next power of two. Pools hand out powers of two: Samba's 8 MiB plus its headers would take
    /// a 16 MiB array, half of it wasted, so a large chunk gives up <see cref="MessageRoom"/> bytes instead.
    /// </summary>
    public static int PayloadFittingArray(int maxPayload)
    {
        if (maxPayload < LargeFrameSize)
        {
            return maxPayload;
        }
        var array = (int)Math.Min(BitOperations.RoundUpToPowerOf2((uint)maxPayload), DirectTcpTransport.MaxFrameLimit + 1L);
        return Math.Min(maxPayload, array - MessageRoom);
    }

    public void AddReference() => Interlocked.Increment(ref _references);

    public void Release()
    {
        if (Interlocked.Decrement(ref _references) == 0 && Interlocked.Exchange(ref _array, null) is { } array)
        {
            _pool.Return(array);
        }
    }
}
