namespace DokanRedirector.Rdbss.Structures;

/// <summary>The RDBSS condition of a SrvCall, NetRoot or VNetRoot.</summary>
public enum Condition
{
    /// <summary>Being constructed by the mini-redirector; openers wait for a stable condition.</summary>
    InTransition,
    Good,
    /// <summary>Construction failed. A Bad SrvCall stays in the table as a negative cache.</summary>
    Bad,
    /// <summary>Finalized (or force-finalized); every later operation fails at once.</summary>
    Closed,
}
