using DokanRedirector.Rdbss.Structures;

namespace DokanRedirector.Rdbss.Mrx;

/// <summary>
/// MRX_CREATENETROOT_CONTEXT: CreateVNetRoot completes through <see cref="Complete"/> with separate
/// NetRootStatus and VirtualNetRootStatus. When <see cref="NetRootIsNew"/> is false the NetRoot already
/// exists (has its context) and only the new view is being built: other credentials or a sub-path.
/// </summary>
public sealed class CreateNetRootContext
{
    private readonly TaskCompletionSource<(NtStatus NetRoot, NtStatus VNetRoot)> _completion =
        new(TaskCreationOptions.RunContinuationsAsynchronously);

    internal CreateNetRootContext(VNetRoot vNetRoot, bool netRootIsNew, CancellationToken lifetime)
    {
        VNetRoot = vNetRoot;
        NetRootIsNew = netRootIsNew;
        Lifetime = lifetime;
    }

    public VNetRoot VNetRoot { get; }

    public NetRoot NetRoot => VNetRoot.NetRoot;

    public SrvCall SrvCall => VNetRoot.NetRoot.SrvCall;

    public bool NetRootIsNew { get; }

    /// <summary>The redirector's lifetime, not any caller's: set-up outlives the opener that started it.</summary>
    public CancellationToken Lifetime { get; }

    internal Task<(NtStatus NetRoot, NtStatus VNetRoot)> Completion => _completion.Task;

    /// <summary>The callback. Only the first call counts.</summary>
    public void Complete(NtStatus netRootStatus, NtStatus virtualNetRootStatus) =>
        _completion.TrySetResult((netRootStatus, virtualNetRootStatus));
}
