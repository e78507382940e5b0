using Microsoft.Extensions.Logging;

namespace DokanRedirector.Cli;

/// <summary>
/// The log level, chosen by the command after the container is built: the service and the demo tell what they
/// do, a one-shot command keeps standard error for its own messages and shows only warnings.
/// </summary>
internal sealed class LogVerbosity
{
    public LogLevel Minimum { get; set; } = LogLevel.Warning;

    public bool Allows(LogLevel level) => level >= Minimum;
}
