namespace DokanRedirector.Rdbss.Structures;

/// <summary>NET_ROOT: a share on a server. References its SrvCall.</summary>
public sealed class NetRoot : NetNode
{
    internal NetRoot(SrvCall srvCall, string prefixKey, string share) : base(prefixKey)
    {
        SrvCall = srvCall;
        Share = share;
    }

    public SrvCall SrvCall { get; }

    public string Share { get; }

    /// <summary>The VNetRoot a bare NetRoot hit resolves to (RDBSS: DefaultVNetRoot). Not a reference.</summary>
    public VNetRoot? DefaultVNetRoot { get; internal set; }

    /// <summary>Its views. Changed under the exclusive prefix-table lock.</summary>
    internal List<VNetRoot> VNetRoots { get; } = [];

    /// <summary>The VNetRoot whose construction also constructs this NetRoot (first one in).</summary>
    internal VNetRoot? ConstructedBy { get; set; }

    internal FcbTable FcbTable { get; } = new();
}
