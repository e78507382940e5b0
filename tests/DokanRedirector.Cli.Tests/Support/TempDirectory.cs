namespace DokanRedirector.Cli.Tests.Support;

/// <summary>A fresh directory under /tmp, removed on dispose. Short paths: a Unix socket path is limited to 108 bytes.</summary>
internal sealed class TempDirectory : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("drcli-").FullName;

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public string Subdirectory(string name) => Directory.CreateDirectory(File(name)).FullName;

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
