using DokanRedirector.Rdbss.Mrx;

namespace DokanRedirector.Rdbss.Structures;

/// <summary>
/// SRV_OPEN: one open of an FCB on the server (for SMB, a FileId). References its FCB and the VNetRoot
/// whose credentials opened it. One SrvOpen per Fobx: opens are not collapsed (see docs/DECISIONS.md).
/// </summary>
public sealed class SrvOpen
{
    internal SrvOpen(Fcb fcb, VNetRoot vNetRoot, CreateParameters parameters)
    {
        Fcb = fcb;
        VNetRoot = vNetRoot;
        Parameters = parameters;
    }

    public Fcb Fcb { get; }

    public VNetRoot VNetRoot { get; }

    public CreateParameters Parameters { get; }

    /// <summary>The mini-redirector's handle state, e.g. the SMB2 FileId.</summary>
    public object? Context { get; set; }
}
