using DokanRedirector.Dokan.Tests.Conformance;

namespace DokanRedirector.Dokan.Tests.FileSystem;

/// <summary>A callback waiting on slow work keeps its Dokan request alive (DokanResetTimeout).</summary>
public sealed class RequestWaitTests
{
    [Test]
    public void SlowWork_ExtendsTheRequestTimeout_EveryInterval_UntilItCompletes()
    {
        var timeout = new RecordingTimeout(TimeSpan.FromMilliseconds(20));
        var work = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        _ = Task.Delay(200).ContinueWith(_ => work.SetResult(7), TaskScheduler.Default);
        DokanFileInfo info = default;
        var result = RequestWait.Wait(new ValueTask<int>(work.Task), timeout, ref info);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(result, Is.EqualTo(7));
            Assert.That(timeout.Extensions, Is.InRange(3, 12), "about one extension per 20 ms of 200 ms");
        }
    }

    [Test]
    public void CompletedWork_NeverExtends()
    {
        var timeout = new RecordingTimeout(TimeSpan.FromMilliseconds(20));
        DokanFileInfo info = default;
        var result = RequestWait.Wait(ValueTask.FromResult(3), timeout, ref info);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(result, Is.EqualTo(3));
            Assert.That(timeout.Extensions, Is.Zero);
        }
    }

    [Test]
    public void FailedWork_ThrowsItsException_ForTheFirewall()
    {
        var timeout = new RecordingTimeout(TimeSpan.FromMilliseconds(20));
        var failing = Task.Run<int>(async () =>
        {
            await Task.Delay(30);
            throw new InvalidOperationException("boom");
        });
        DokanFileInfo info = default;
        Assert.Throws<InvalidOperationException>(() => RequestWait.Wait(new ValueTask<int>(failing), timeout, ref info));
    }
}
