using DokanRedirector.Smb.Messages;

namespace DokanRedirector.Smb.Transport;

/// <summary>
/// A request on the wire, waiting in the pending table for its response. It completes exactly once:
/// with the response, with the connection's break reason, or cancelled by its caller. A response that
/// arrives after the caller gave up is disposed by the receive loop, after <see cref="OnFinalResponse"/>
/// released what it opened.
/// </summary>
internal sealed class PendingRequest
{
    private readonly TaskCompletionSource<SmbResponse> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _deadline;
    private ulong _asyncId;

    public PendingRequest(
        ulong messageId, SmbCommand command, ushort credits, SmbMessageContext context, long deadline,
        Func<SmbResponse, Action?>? onFinalResponse)
    {
        MessageId = messageId;
        Command = command;
        Credits = credits;
        Context = context;
        _deadline = deadline;
        OnFinalResponse = onFinalResponse;
    }

    public ulong MessageId { get; }

    public SmbCommand Command { get; }

    /// <summary>Credits (MessageIds) the request consumed; they stop being in flight at its final response.</summary>
    public ushort Credits { get; }

    /// <summary>The session, tree and protection the request was sent with; a CANCEL for it uses the same.</summary>
    public SmbMessageContext Context { get; }

    /// <summary>
    /// For a request whose response leaves state on the server (a CREATE's open): called on the receive loop
    /// with the final response before the caller resumes. It returns what releases that state (a CLOSE), which
    /// the receive loop runs if the caller gave up meanwhile, or null. It must neither throw nor block.
    /// </summary>
    public Func<SmbResponse, Action?>? OnFinalResponse { get; }

    /// <summary>Set by an interim STATUS_PENDING response; what SMB2 CANCEL would name.</summary>
    public ulong AsyncId
    {
        get => Volatile.Read(ref _asyncId);
        set => Volatile.Write(ref _asyncId, value);
    }

    /// <summary><see cref="Environment.TickCount64"/> after which the request has timed out; long.MaxValue for none.</summary>
    public long Deadline
    {
        get => Volatile.Read(ref _deadline);
        set => Volatile.Write(ref _deadline, value);
    }

    public Task<SmbResponse> Task => _completion.Task;

    public bool TryComplete(SmbResponse response) => _completion.TrySetResult(response);

    public bool TryFail(Exception reason) => _completion.TrySetException(reason);

    public bool TryCancel(CancellationToken ct) => _completion.TrySetCanceled(ct);
}
