namespace DokanRedirector.Cli.Control;

/// <summary>The control protocol: UTF-8 JSON, one request line, one response line, over a Unix socket.</summary>
internal static class ControlProtocol
{
    /// <summary>Raised when a request or response changes shape; both sides check it.</summary>
    public const int Version = 1;

    /// <summary>A line longer than this is refused: no request comes near it, so it is a confused or hostile peer.</summary>
    public const int MaxLineBytes = 1 << 20;
}
