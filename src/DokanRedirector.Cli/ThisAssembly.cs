using System.Reflection;

namespace DokanRedirector.Cli;

internal static class ThisAssembly
{
    /// <summary>The informational version (with the commit when the build knows it), shown by ping and --version.</summary>
    public static string Version { get; } =
        typeof(ThisAssembly).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";
}
