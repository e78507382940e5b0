namespace DokanRedirector.Cli.Commands;

/// <summary>What <c>dokanredirector</c> exits with; scripts tell a typo from a failed mount by it.</summary>
internal static class ExitCodes
{
    public const int Success = 0;

    /// <summary>The command line is wrong (System.CommandLine's parse errors use it too).</summary>
    public const int Usage = 1;

    /// <summary>The operation was tried and failed; the message names the NTSTATUS.</summary>
    public const int Failed = 2;
}
