using DokanRedirector.Rdbss.Structures;

namespace DokanRedirector.Rdbss.Tests.Core;

public sealed class NetNodeTests
{
    [Test]
    public async Task ClosingANodeAsItsConstructionSucceeds_KeepsSuccessAsItsStatus()
    {
        // A forced disconnect may close a view in the instant its construction completes; Status must stay the
        // construction's outcome (Success), or a connect waiting on it sees STATUS_NETWORK_NAME_DELETED.
        var wrong = 0;
        for (var i = 0; i < 20_000; i++)
        {
            var node = new SrvCall("s");
            using var start = new Barrier(2);
            var complete = Task.Run(() =>
            {
                start.SignalAndWait();
                node.CompleteTransition(NtStatus.Success);
            });
            var close = Task.Run(() =>
            {
                start.SignalAndWait();
                while (node.Condition == Condition.InTransition)
                {
                }
                node.MarkClosed(NtStatus.NetworkNameDeleted);
            });
            await Task.WhenAll(complete, close);
            if (node.Status != NtStatus.Success)
            {
                wrong++;
            }
        }
        Assert.That(wrong, Is.Zero, "nodes closed right after succeeding that lost their Success status");
    }
}
