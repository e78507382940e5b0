using System.Diagnostics;

namespace DokanRedirector.Installer.Tests;

/// <summary>An MSI read through msitools' <c>msiinfo</c>: its tables as rows of tab-separated columns.</summary>
internal sealed class Msi(string path)
{
    public string Path { get; } = path;

    public async Task<string[]> TableNamesAsync() => (await MsiInfoAsync("tables")).Split('\n', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>The rows of <paramref name="table"/>, without the three header lines of the IDT form msiinfo exports.</summary>
    public async Task<List<string[]>> RowsAsync(string table) =>
        [.. (await MsiInfoAsync("export", table)).Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(3).Select(line => line.TrimEnd('\r').Split('\t'))];

    /// <summary>The Property table as a dictionary.</summary>
    public async Task<Dictionary<string, string>> PropertiesAsync() =>
        (await RowsAsync("Property")).ToDictionary(row => row[0], row => row[1]);

    public Task<string> SummaryAsync() => MsiInfoAsync("suminfo");

    private async Task<string> MsiInfoAsync(params string[] command)
    {
        var start = new ProcessStartInfo("msiinfo") { ArgumentList = { command[0], Path } };
        foreach (var argument in command.Skip(1))
        {
            start.ArgumentList.Add(argument);
        }
        var result = await Shell.RunAsync(start, stdin: null, $"msiinfo {string.Join(' ', command)}");
        Assert.That(result.ExitCode, Is.Zero, $"msiinfo {string.Join(' ', command)}: {result}");
        return result.Output;
    }
}
