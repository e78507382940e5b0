using DokanRedirector.Rdbss.Mrx;
using DokanRedirector.Rdbss.Naming;

namespace DokanRedirector.Rdbss;

// Share enumeration, as a network provider's NPEnumResource (and `net view \\server`) does it.
public sealed partial class Redirector
{
    /// <summary>The share every server offers for remote administration (RPC named pipes).</summary>
    public const string IpcShare = "IPC$";

    /// <summary>
    /// The shares <paramref name="server"/> offers, through a view of its IPC$ share as the implicit
    /// credentials' user. A server that cannot be reached answers from the negative cache for a while,
    /// like any other name on it.
    /// </summary>
    public ValueTask<RxResult<IReadOnlyList<NetShare>>> EnumerateSharesAsync(string server, CancellationToken cancellationToken = default)
    {
        if (!UncName.TryParse($@"\\{server}\{IpcShare}", out var ipc) || ipc.ComponentCount != 2)
        {
            return ValueTask.FromResult<RxResult<IReadOnlyList<NetShare>>>(NtStatus.ObjectNameInvalid);
        }
        return WithViewAsync(NetPath.Unc(ipc), (v, _) => _mrx.EnumerateShares(v, cancellationToken),
            nameof(IMiniRedirector.EnumerateShares), cancellationToken);
    }
}
