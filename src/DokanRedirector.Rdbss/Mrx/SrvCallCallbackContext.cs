using DokanRedirector.Rdbss.Structures;

namespace DokanRedirector.Rdbss.Mrx;

/// <summary>
/// MRX_SRVCALL_CALLBACK_CONTEXT: how a mini-redirector that answered STATUS_PENDING to
/// CreateSrvCall reports the outcome later, from any thread.
/// </summary>
public sealed class SrvCallCallbackContext
{
    private readonly TaskCompletionSource<NtStatus> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

    internal SrvCallCallbackContext(SrvCall srvCall, CancellationToken lifetime)
    {
        SrvCall = srvCall;
        Lifetime = lifetime;
    }

    public SrvCall SrvCall { get; }

    /// <summary>The redirector's lifetime, not any caller's: set-up outlives the opener that started it.</summary>
    public CancellationToken Lifetime { get; }

    /// <summary>What the mini-redirector wants handed back in SrvCallWinnerNotify (RecommunicateContext).</summary>
    public object? RecommunicateContext { get; set; }

    internal Task<NtStatus> Completion => _completion.Task;

    /// <summary>The callback. Only the first call counts.</summary>
    public void Complete(NtStatus status) => _completion.TrySetResult(status);
}
