namespace DokanRedirector.Rdbss.Structures;

public enum FobxState
{
    Open,
    /// <summary>Closed by its owner.</summary>
    Closed,
    /// <summary>Its connection was force-finalized: every operation fails with STATUS_CONNECTION_DISCONNECTED.</summary>
    Orphaned,
}
