using System.Buffers;

namespace DokanRedirector.Smb.Transport;

/// <summary>
/// One received or outgoing Direct-TCP frame in a pooled array. Reference-counted because the messages
/// of a compound response share their frame: each <see cref="SmbResponse"/> holds one reference and the
/// array goes back to the pool when the last one is released.
/// </summary>
internal sealed class FrameBuffer
{
    private byte[]? _array;
    private int _references = 1;

    private FrameBuffer(byte[] array, int length)
    {
        _array = array;
        Length = length;
    }

    public int Length { get; }

    public Span<byte> Span => Array.AsSpan(0, Length);

    public Memory<byte> Memory => Array.AsMemory(0, Length);

    private byte[] Array => _array ?? throw new ObjectDisposedException(nameof(FrameBuffer));

    public static FrameBuffer Rent(int length) => new(ArrayPool<byte>.Shared.Rent(length), length);

    public void AddReference() => Interlocked.Increment(ref _references);

    public void Release()
    {
        if (Interlocked.Decrement(ref _references) == 0 && Interlocked.Exchange(ref _array, null) is { } array)
        {
            ArrayPool<byte>.Shared.Return(array);
        }
    }
}
