using System.Buffers;
using DokanRedirector.Fuse.Native;

namespace DokanRedirector.Fuse.FileSystem;

/// <summary>
/// The data of one FUSE read, in the buffers the Redirector's reads returned it in (with SMB, the frames the READ
/// responses arrived in): the reply goes to the kernel straight from there, and they are disposed after it.
/// </summary>
/// <remarks>
/// One buffer is the rule: the kernel reads at most max_read (1 MiB) at a time, and an SMB READ of up to 2 MiB
/// answers that whole. A server with smaller READs (64 KiB on SMB 2.0.2) leaves several, which fuse_reply_iov
/// hands the kernel in one writev.
/// </remarks>
internal sealed unsafe class ReadReply : IDisposable
{
    private readonly List<IMemoryOwner<byte>> _buffers = new(1);

    /// <summary>The bytes of every buffer added.</summary>
    public int Length { get; private set; }

    /// <summary>Adds the next piece of the data; it is this reply's to dispose from here on.</summary>
    public void Add(IMemoryOwner<byte> buffer)
    {
        _buffers.Add(buffer);
        Length += buffer.Memory.Length;
    }

    /// <summary>Answers the read with the data added, in order.</summary>
    public int Send(FuseRequest request)
    {
        if (_buffers.Count <= 1)
        {
            return request.ReplyBuffer(_buffers.Count == 0 ? default : _buffers[0].Memory.Span);
        }
        var pins = new MemoryHandle[_buffers.Count];
        var pieces = new IoVec[_buffers.Count];
        try
        {
            for (var i = 0; i < _buffers.Count; i++)
            {
                var memory = _buffers[i].Memory;
                pins[i] = memory.Pin();
                pieces[i] = new IoVec(pins[i].Pointer, (nuint)memory.Length);
            }
            return request.ReplyPieces(pieces);
        }
        finally
        {
            foreach (var pin in pins)
            {
                pin.Dispose();
            }
        }
    }

    public void Dispose()
    {
        foreach (var buffer in _buffers)
        {
            buffer.Dispose();
        }
        _buffers.Clear();
    }
}
