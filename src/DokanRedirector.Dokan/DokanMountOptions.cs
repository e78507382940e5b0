namespace DokanRedirector.Dokan;

/// <summary>How a share is presented as a Windows drive.</summary>
public sealed record DokanMountOptions
{
    /// <summary>DOKAN_OPTION_WRITE_PROTECT: the driver refuses writes before they reach us.</summary>
    public bool ReadOnly { get; init; }

    /// <summary>DOKAN_OPTIONS.Timeout: how long dokan2.dll waits on one request. Slow requests extend it
    /// (DokanResetTimeout) every third of it, so only a hung one reaches it.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);
}

/// <summary>The drive could not be mapped; <see cref="Exception.Message"/> is for the user.</summary>
public sealed class DokanMountException(string message, Exception? inner = null) : Exception(message, inner);
