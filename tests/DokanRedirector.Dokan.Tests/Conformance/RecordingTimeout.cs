namespace DokanRedirector.Dokan.Tests.Conformance;

/// <summary>An <see cref="IRequestTimeout"/> that counts the extensions instead of calling DokanResetTimeout.</summary>
internal sealed class RecordingTimeout(TimeSpan interval) : IRequestTimeout
{
    private int _extensions;

    public TimeSpan Interval { get; } = interval;

    public int Extensions => Volatile.Read(ref _extensions);

    public void Extend(ref DokanFileInfo info) => Interlocked.Increment(ref _extensions);
}
