namespace DokanRedirector.Rdbss.Structures;

/// <summary>SRV_CALL: one server connection, shared by every share and user of that server.</summary>
public sealed class SrvCall : NetNode
{
    internal SrvCall(string server) : base("\\" + server) => Server = server;

    public string Server { get; }

    /// <summary>Until when a Bad SrvCall answers from the negative cache (timestamp).</summary>
    internal long BadUntil { get; set; }

    /// <summary>Its shares. Changed under the exclusive prefix-table lock.</summary>
    internal List<NetRoot> NetRoots { get; } = [];
}
