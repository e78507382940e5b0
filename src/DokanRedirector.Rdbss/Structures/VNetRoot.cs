using System.Collections.Concurrent;

namespace DokanRedirector.Rdbss.Structures;

/// <summary>
/// V_NET_ROOT: one user's view of a share (credentials, optional sub-path), e.g. one mapped drive.
/// References its NetRoot.
/// </summary>
public sealed class VNetRoot : NetNode
{
    internal VNetRoot(NetRoot netRoot, string prefixKey, string? device, string subPath, UserCredentials? credentials)
        : base(prefixKey)
    {
        NetRoot = netRoot;
        Device = device;
        SubPath = subPath;
        Credentials = credentials;
    }

    public NetRoot NetRoot { get; }

    /// <summary>The local name it was connected as (drive letter or mount point); null for UNC access.</summary>
    public string? Device { get; }

    /// <summary>The path below the share this view starts at ("" for the share root).</summary>
    public string SubPath { get; }

    public UserCredentials? Credentials { get; }

    /// <summary>Open handles through this view, by handle id. Registration happens under the shared
    /// prefix-table lock and only while Good, so a forced finalization (exclusive) sees every one.</summary>
    internal ConcurrentDictionary<long, Fobx> Fobxs { get; } = new();

}
