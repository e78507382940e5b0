using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;

namespace DokanRedirector.Smb;

/// <summary>
/// A sliding window of chunk transfers (READs or WRITEs) taken back in the order they were issued, each finishing
/// with a <typeparamref name="TResult"/> that says how many bytes it moved. The owner adds
/// chunks while <see cref="HasRoom"/> and takes each finished one with <see cref="MoveNextAsync"/>, so the window is
/// refilled chunk by chunk, never only after a whole batch has finished.
/// </summary>
/// <remarks>
/// The first chunk that moves fewer bytes than it asked for (end of file, disk full) is the last one reported;
/// the first failure stops the transfer too. Chunks after either are still awaited, so none is left writing
/// into memory its owner reuses or returns to a pool, but they are not reported. Once every chunk is done
/// <see cref="MoveNextAsync"/> throws the first failure, if there was one. A result that is not reported is handed
/// to the discard action (a READ response goes back to the pool).
/// </remarks>
internal sealed class ChunkWindow<TResult>
{
    // 16 MiB in flight, as smbclient keeps (8 chunks of 2 MiB), bounded so small chunks (2.0.2: 64 KiB) neither
    // crawl nor take every credit. One round trip per chunk in sequence would leave the link idle.
    private const int WindowBytes = 16 * 1024 * 1024;
    private const int MinChunks = 2;
    private const int MaxChunks = 16;

    private readonly Queue<InFlight> _inFlight;
    private readonly int _size;
    private readonly Func<TResult, int> _count;
    private readonly Action<TResult>? _discard;
    private ExceptionDispatchInfo? _error;
    private bool _stopped;

    /// <summary>A window sized for chunks of <paramref name="chunkSize"/> bytes.</summary>
    /// <param name="count">The bytes a result says its chunk moved.</param>
    /// <param name="discard">Releases a result that is not reported.</param>
    public ChunkWindow(int chunkSize, Func<TResult, int> count, Action<TResult>? discard = null)
    {
        _count = count;
        _discard = discard;
        _size = Math.Clamp(WindowBytes / chunkSize, MinChunks, MaxChunks);
        _inFlight = new Queue<InFlight>(_size);
    }

    /// <summary>True while the transfer goes on and fewer chunks than the window holds are in flight.</summary>
    public bool HasRoom => !_stopped && _inFlight.Count < _size;

    /// <summary>The chunk the last successful <see cref="MoveNextAsync"/> took back.</summary>
    public Chunk Current { get; private set; }

    /// <summary>Adds a chunk of <paramref name="length"/> bytes; <paramref name="buffer"/> is the owner's pooled memory it uses, if any.</summary>
    public void Add(Task<TResult> transfer, int length, byte[]? buffer = null) => _inFlight.Enqueue(new InFlight(transfer, length, buffer));

    /// <summary>Stops the transfer because its owner failed with a chunk (its stream threw): reported unless a failure came first.</summary>
    public void Stop(Exception error)
    {
        _error ??= ExceptionDispatchInfo.Capture(error);
        _stopped = true;
    }

    /// <summary>
    /// Waits for the oldest chunk and makes it <see cref="Current"/>. False once every chunk is done; then
    /// throws the first failure instead, if there was one.
    /// </summary>
    // Pooled: one call per chunk, and most of them wait.
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public async ValueTask<bool> MoveNextAsync()
    {
        while (_inFlight.TryDequeue(out var head))
        {
            TResult result;
            try
            {
                result = await head.Transfer.ConfigureAwait(false);
            }
            catch (Exception e)
            {
                Stop(e);
                continue;
            }
            if (_stopped)
            {
                _discard?.Invoke(result);
                continue;
            }
            var count = _count(result);
            _stopped = count < head.Length;
            Current = new Chunk(head.Length, head.Buffer, result, count);
            return true;
        }
        _error?.Throw();
        return false;
    }

    /// <summary>A chunk taken back: the bytes it asked for, the owner's buffer, its result and the bytes it moved.</summary>
    internal readonly record struct Chunk(int Length, byte[]? Buffer, TResult Result, int Count);

    private readonly record struct InFlight(Task<TResult> Transfer, int Length, byte[]? Buffer);
}
