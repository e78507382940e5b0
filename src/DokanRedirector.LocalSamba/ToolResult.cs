namespace DokanRedirector.LocalSamba;

/// <summary>Exit code and combined stdout+stderr of a Samba command-line tool.</summary>
public sealed record ToolResult(int ExitCode, string Output);
