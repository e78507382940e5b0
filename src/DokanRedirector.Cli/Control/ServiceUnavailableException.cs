namespace DokanRedirector.Cli.Control;

/// <summary>The service is not running and could not be started; the message says why and where its log is.</summary>
internal sealed class ServiceUnavailableException(string message) : Exception(message);
