using System.Buffers;

namespace DokanRedirector.Dokan.Bridge;

/// <summary>
/// dokan2.dll's read or write buffer as <see cref="Memory{T}"/>, so the adapter's async I/O reads into and
/// writes from it without a copy. Valid only while the callback runs, which waits for that I/O to end.
/// </summary>
internal sealed unsafe class NativeBuffer(byte* pointer, int length) : MemoryManager<byte>
{
    public override Span<byte> GetSpan() => new(pointer, length);

    public override MemoryHandle Pin(int elementIndex = 0) => new(pointer + elementIndex);

    public override void Unpin()
    {
    }

    protected override void Dispose(bool disposing)
    {
    }
}
