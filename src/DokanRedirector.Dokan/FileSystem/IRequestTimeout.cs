using DokanRedirector.Dokan.Native;

namespace DokanRedirector.Dokan.FileSystem;

/// <summary>
/// Keeps a slow request alive: dokan2.dll unmounts the volume when a request outlives DOKAN_OPTIONS.Timeout
/// (dokan.h), so a callback still waiting on the network asks for more time. On Windows this is
/// DokanResetTimeout; tests observe it.
/// </summary>
internal interface IRequestTimeout
{
    /// <summary>How long a callback waits before it asks for more time again.</summary>
    TimeSpan Interval { get; }

    /// <summary>Gives the request behind <paramref name="info"/> another full timeout from now.</summary>
    void Extend(ref DokanFileInfo info);
}
