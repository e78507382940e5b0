namespace DokanRedirector.TestSupport;

/// <summary>Polls for what another thread (the receive loop, the thread pool) makes true soon.</summary>
public static class Eventually
{
    public static async Task HoldsAsync(Func<bool> condition, string what)
    {
        for (var waited = 0; !condition(); waited += 10)
        {
            if (waited > 5000)
            {
                Assert.Fail($"timed out waiting for {what}");
            }
            await Task.Delay(10);
        }
    }
}
