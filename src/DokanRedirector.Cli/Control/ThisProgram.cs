namespace DokanRedirector.Cli.Control;

/// <summary>How this program was started, so it can start itself again (the service) or tell a person how to.</summary>
internal static class ThisProgram
{
    /// <summary>The program and its leading arguments: <c>[dokanredirector]</c>, or <c>[dotnet, …/dokanredirector.dll]</c>
    /// when run through the dotnet host (from a build, or <c>./demo.sh</c>).</summary>
    public static string[] Invocation
    {
        get
        {
            var self = Environment.ProcessPath ?? throw new InvalidOperationException("The path of this program is unknown.");
            return Path.GetFileNameWithoutExtension(self) == "dotnet" ? [self, typeof(ThisProgram).Assembly.Location] : [self];
        }
    }

    /// <summary>What to type to run it: <c>dokanredirector</c> when that is what runs, else the full invocation.</summary>
    public static string CommandLine =>
        Invocation is [var only] && Path.GetFileNameWithoutExtension(only) == "dokanredirector" ? "dokanredirector" : string.Join(' ', Invocation);
}
