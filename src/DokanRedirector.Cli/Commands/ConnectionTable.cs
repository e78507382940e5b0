using System.Globalization;
using DokanRedirector.Rdbss;
using DokanRedirector.Rdbss.Structures;
using Spectre.Console;

namespace DokanRedirector.Cli.Commands;

/// <summary>The <c>use</c> listing, with net use's status words.</summary>
internal static class ConnectionTable
{
    public static void Write(IAnsiConsole console, IReadOnlyList<ConnectionInfo> connections)
    {
        if (connections.Count == 0)
        {
            console.WriteLine("There are no entries in the list.");
            return;
        }
        var table = new Table().Border(TableBorder.Simple)
            .AddColumns("Status", "Local", "Remote", "User", "Open handles");
        foreach (var c in connections)
        {
            table.AddRow(new Text(StatusWord(c.Condition)), new Text(c.LocalName), new Text(c.RemoteName),
                new Text(c.UserName ?? ""), new Text(c.OpenHandles.ToString(CultureInfo.InvariantCulture)));
        }
        console.Write(table);
    }

    /// <summary>
    /// A view in transition is being (re)built; a closed one was finalized under this connection (another
    /// mapping of the share was force-disconnected) and is rebuilt on next use, which Windows calls Disconnected.
    /// </summary>
    public static string StatusWord(Condition condition) => condition switch
    {
        Condition.Good => "OK",
        Condition.InTransition => "Reconnecting",
        Condition.Bad => "Unavailable",
        _ => "Disconnected",
    };
}
