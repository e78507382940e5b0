using DokanRedirector.Rdbss;
using DokanRedirector.Rdbss.Structures;
using Spectre.Console;

namespace DokanRedirector.Cli.Commands;

/// <summary>The live RDBSS structures as a tree: SrvCall → NetRoot → VNetRoot → open files.</summary>
internal static class StatusTree
{
    public static void Write(IAnsiConsole console, IReadOnlyList<SrvCallStatus> servers)
    {
        if (servers.Count == 0)
        {
            console.WriteLine("No server is connected.");
            return;
        }
        var tree = new Tree("Redirector");
        foreach (var server in servers)
        {
            var srvCall = tree.AddNode(Line("SrvCall", server.Name, server.Condition, $"refs {server.References}"));
            foreach (var share in server.NetRoots)
            {
                var netRoot = srvCall.AddNode(Line("NetRoot", share.Name, share.Condition, $"refs {share.References}, FCBs {share.Fcbs}"));
                foreach (var view in share.VNetRoots)
                {
                    var owner = $"{(string.IsNullOrEmpty(view.Device) ? "by UNC name" : view.Device)}, user {view.User ?? "(none)"}"
                        + (view.Watches > 0 ? $", change watches {view.Watches}" : "");
                    var vNetRoot = netRoot.AddNode(Line("VNetRoot", view.Name, view.Condition, $"refs {view.References}, {owner}"));
                    foreach (var file in view.OpenFiles)
                    {
                        var process = file.ProcessId == 0 ? "process unknown" : $"process {file.ProcessId}";
                        vNetRoot.AddNode(Markup.Escape($"handle {file.Handle}: {file.Name} ({process})"));
                    }
                }
            }
        }
        console.Write(tree);
    }

    private static string Line(string kind, string name, Condition condition, string counts) =>
        $"[bold]{kind}[/] {Markup.Escape(name)} [{Colour(condition)}]{condition}[/] {Markup.Escape(counts)}";

    private static string Colour(Condition condition) => condition switch
    {
        Condition.Good => "green",
        Condition.InTransition => "yellow",
        _ => "red",
    };
}
