using DokanRedirector.Smb.Transport;

namespace DokanRedirector.Smb.Tests.Transport;

public class CreditWindowTests
{
    [TestCase(0, 0, 1)]
    [TestCase(1, 0, 1)]
    [TestCase(65536, 0, 1)]
    [TestCase(65537, 0, 2)]
    [TestCase(100, 8 * 1024 * 1024, 128)]
    [TestCase(8 * 1024 * 1024 + 1, 0, 129)]
    public void CreditCharge_IsOnePer64KiBOfTheLargerDirection(int send, int response, int expected)
    {
        Assert.That(CreditWindow.CreditCharge(send, response), Is.EqualTo(expected));
    }

    [Test]
    public async Task Acquire_HandsOutConsecutiveMessageIds_AMultiCreditRequestConsumingSeveral()
    {
        var window = new CreditWindow(target: 512);
        var negotiate = await window.AcquireAsync(1, CancellationToken.None);
        window.Grant(10);
        window.Complete(1);

        var read = await window.AcquireAsync(4, CancellationToken.None);
        var echo = await window.AcquireAsync(1, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(negotiate, Is.Zero);
            Assert.That(read, Is.EqualTo(1));
            Assert.That(echo, Is.EqualTo(5));
            Assert.That(window.Available, Is.EqualTo(5));
            Assert.That(window.InFlight, Is.EqualTo(5));
        });
    }

    [Test]
    public async Task Waiters_AreServedInFifoOrder_ASmallRequestDoesNotOvertakeALargeOne()
    {
        var window = new CreditWindow(target: 512);
        await window.AcquireAsync(1, CancellationToken.None); // one request in flight, nothing in hand

        var large = window.AcquireAsync(3, CancellationToken.None).AsTask();
        var small = window.AcquireAsync(1, CancellationToken.None).AsTask();
        window.Grant(2);
        Assert.That(small.IsCompleted, Is.False, "a later small request must not overtake the waiting large one");

        window.Grant(2);
        Assert.Multiple(async () =>
        {
            Assert.That(await large, Is.EqualTo(1));
            Assert.That(await small, Is.EqualTo(4));
        });
    }

    [Test]
    public async Task CancelledWaiter_LeavesTheQueue_AndTakesNoCredits()
    {
        var window = new CreditWindow(target: 512);
        await window.AcquireAsync(1, CancellationToken.None);
        using var cts = new CancellationTokenSource();
        var cancelled = window.AcquireAsync(2, cts.Token).AsTask();
        var next = window.AcquireAsync(1, CancellationToken.None).AsTask();

        await cts.CancelAsync();
        window.Grant(1);

        Assert.Multiple(async () =>
        {
            Assert.That(async () => await cancelled, Throws.InstanceOf<OperationCanceledException>());
            Assert.That(await next, Is.EqualTo(1));
        });
    }

    [Test]
    public async Task Acquire_FailsInsteadOfWaitingForever_WhenNothingInFlightCanGrantMore()
    {
        var window = new CreditWindow(target: 512);
        await window.AcquireAsync(1, CancellationToken.None);
        var waiting = window.AcquireAsync(8, CancellationToken.None).AsTask();

        window.Grant(2);
        window.Complete(1);

        Assert.That(async () => await waiting, Throws.InstanceOf<SmbException>().With.Message.Contains("needs 8 credits"));
    }

    [Test]
    public void Break_FailsWaitersAndLaterAcquires_WithTheReason()
    {
        var window = new CreditWindow(target: 512);
        _ = window.AcquireAsync(1, CancellationToken.None);
        var waiting = window.AcquireAsync(1, CancellationToken.None).AsTask();
        var reason = new SmbException("gone", isTransient: true);

        window.Break(reason);

        Assert.Multiple(() =>
        {
            Assert.That(async () => await waiting, Throws.Exception.SameAs(reason));
            Assert.That(async () => await window.AcquireAsync(1, CancellationToken.None), Throws.Exception.SameAs(reason));
        });
    }

    [Test]
    public async Task CreditRequest_AsksForTheChargePlusGrowthTowardTheTarget_AndOnlyTheChargeOnceThere()
    {
        var window = new CreditWindow(target: 512);
        var first = window.CreditRequest(1);
        await window.AcquireAsync(1, CancellationToken.None);
        window.Grant(600);
        window.Complete(1);

        Assert.Multiple(() =>
        {
            Assert.That(first, Is.EqualTo(1 + 256));
            Assert.That(window.CreditRequest(4), Is.EqualTo(4));
        });
    }
}
