using DokanRedirector.Smb.Messages;

namespace DokanRedirector.Smb.Transport;

/// <summary>
/// One response message (one element of a compound) over the pooled frame it arrived in. The caller
/// that receives it disposes it, which returns the frame to the pool once every element is done.
/// </summary>
internal sealed class SmbResponse : IDisposable
{
    private readonly FrameBuffer _frame;
    private readonly int _offset;
    private readonly int _length;
    private int _disposed;

    /// <summary>Takes one new reference on <paramref name="frame"/>.</summary>
    public SmbResponse(FrameBuffer frame, int offset, int length, SmbHeader header)
    {
        frame.AddReference();
        _frame = frame;
        _offset = offset;
        _length = length;
        Header = header;
    }

    public SmbHeader Header { get; }

    public NtStatus Status => Header.NtStatus;

    /// <summary>The message from its header on; offsets inside it are header-relative as in the spec.</summary>
    public ReadOnlySpan<byte> Message => _frame.Span.Slice(_offset, _length);

    /// <summary>
    /// The message as memory, for callers that pass part of it on asynchronously (READ data to a stream or a FUSE
    /// reply). Writable, as <see cref="MutableMessage"/> is: the frame is its receiver's until disposed.
    /// </summary>
    public Memory<byte> MessageMemory => _frame.Memory.Slice(_offset, _length);

    /// <summary>The same bytes, writable: signature verification zeroes the field while it computes.</summary>
    public Span<byte> MutableMessage => _frame.Span.Slice(_offset, _length);

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _frame.Release();
        }
    }
}
