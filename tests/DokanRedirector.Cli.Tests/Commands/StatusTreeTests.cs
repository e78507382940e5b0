using DokanRedirector.Cli.Commands;
using DokanRedirector.Cli.Tests.Support;
using DokanRedirector.Rdbss;
using DokanRedirector.Rdbss.Structures;

namespace DokanRedirector.Cli.Tests.Commands;

public class StatusTreeTests
{
    [Test]
    public void Tree_OfAViewWithAChangeWatch_CountsTheWatch_AndListsOnlyPrograms_Files()
    {
        var terminal = new TestTerminal();
        var file = new OpenFileInfo(7, @"\\server\share\report.txt", 4242);
        VNetRootStatus view = new(@"\;/mnt/x\server\share", "/mnt/x", @"DOM\alice", Condition.Good, 3, [file], Watches: 1);

        StatusTree.Write(terminal.Ansi, [new SrvCallStatus(@"\\server", Condition.Good, 2,
            [new NetRootStatus(@"\\server\share", Condition.Good, 2, 1, [view])])]);

        Assert.Multiple(() =>
        {
            Assert.That(terminal.Output, Does.Contain(@"refs 3, /mnt/x, user DOM\alice, change watches 1"));
            Assert.That(terminal.Output, Does.Contain(@"handle 7: \\server\share\report.txt (process 4242)"));
        });
    }

    [Test]
    public void Tree_OfAViewWithoutWatches_SaysNothingOfThem()
    {
        var terminal = new TestTerminal();
        VNetRootStatus view = new(@"\;/mnt/x\server\share", "/mnt/x", "bob", Condition.Good, 1, []);

        StatusTree.Write(terminal.Ansi, [new SrvCallStatus(@"\\server", Condition.Good, 2,
            [new NetRootStatus(@"\\server\share", Condition.Good, 2, 0, [view])])]);

        Assert.That(terminal.Output, Does.Contain("refs 1, /mnt/x, user bob").And.Not.Contain("watches"));
    }
}
