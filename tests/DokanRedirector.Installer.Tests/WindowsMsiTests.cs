using System.Diagnostics;

namespace DokanRedirector.Installer.Tests;

/// <summary>
/// Builds the Windows installer as CI does (<c>installer/windows/build-msi.sh</c>: publish win-x64, wixl, msibuild)
/// once, then reads the MSI's tables: what Windows Installer would do with it, short of running it on Windows.
/// </summary>
public sealed class WindowsMsiTests
{
    private static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(10);
    private static readonly string[] Tools = ["wixl", "wixl-heat", "msibuild", "msiinfo"];

    private string _output = null!;
    private string _version = null!;
    private Msi _msi = null!;

    [OneTimeSetUp]
    public async Task BuildOnceAsync()
    {
        var missing = Tools.Where(tool => !OnPath(tool)).ToList();
        if (missing.Count > 0)
        {
            Assert.Fail($"{string.Join(", ", missing)} not found: the MSI is built with wixl and read with msiinfo. "
                + "Run installer/linux/install-deps.sh, or: sudo apt-get install wixl msitools");
        }
        var repo = RepositoryRoot();
        _version = (await RunAsync("dotnet", ["msbuild", Path.Combine(repo, "src", "DokanRedirector.Cli"), "-getProperty:Version"], "dotnet msbuild -getProperty:Version")).Trim();
        _output = Directory.CreateTempSubdirectory("dokanredirector-msi-").FullName;
        var watch = Stopwatch.StartNew();
        var built = await RunAsync(Path.Combine(repo, "installer", "windows", "build-msi.sh"), [_output], "build-msi.sh");
        TestContext.Progress.WriteLine($"build-msi.sh took {watch.Elapsed.TotalSeconds:F0} s");
        _msi = new Msi(built.TrimEnd().Split('\n')[^1]);
    }

    [OneTimeTearDown]
    public void RemoveOutput()
    {
        if (_output is not null)
        {
            Directory.Delete(_output, recursive: true);
        }
    }

    [Test]
    public void The_msi_is_named_after_the_version_and_architecture() =>
        Assert.That(_msi.Path, Is.EqualTo(Path.Combine(_output, $"dokanredirector-{_version}-x64.msi")).And.Exist);

    [Test]
    public async Task It_is_a_per_machine_x64_package_with_the_projects_version_and_an_upgrade_code()
    {
        var properties = await _msi.PropertiesAsync();
        var summary = await _msi.SummaryAsync();
        Assert.Multiple(() =>
        {
            Assert.That(properties["ProductVersion"], Is.EqualTo(_version));
            Assert.That(properties["UpgradeCode"], Is.EqualTo("{2A09D43C-0FBF-47B7-9307-DAAA4ABBDEE6}"), "the same in every version, or upgrades break");
            Assert.That(properties["ALLUSERS"], Is.EqualTo("1"), "per machine");
            Assert.That(summary, Does.Contain("Template: x64;1033"));
        });
    }

    [Test]
    public async Task It_installs_the_published_program_under_program_files()
    {
        var files = await _msi.RowsAsync("File");
        var directories = (await _msi.RowsAsync("Directory")).ToDictionary(row => row[0]);
        var exe = files.Single(row => row[2] == "dokanredirector.exe");
        var component = (await _msi.RowsAsync("Component")).Single(row => row[0] == exe[1]);
        Assert.Multiple(() =>
        {
            Assert.That(component[2], Is.EqualTo("INSTALLDIR"));
            Assert.That(directories["INSTALLDIR"][1..], Is.EqualTo(new[] { "ProgramFiles64Folder", "DokanRedirector" }));
            Assert.That(files.Select(row => row[2]), Is.SupersetOf(new[] { "dokanredirector.dll", "DokanRedirector.Rdbss.dll",
                "DokanRedirector.Smb.dll", "DokanRedirector.SmbMiniRdr.dll", "coreclr.dll", "System.Private.CoreLib.dll" }),
                "self-contained: the runtime comes along");
            Assert.That(files.Select(row => row[2]), Has.None.EndsWith(".pdb"));
        });
    }

    [Test]
    public async Task It_puts_the_install_folder_on_the_system_path_and_takes_it_off_again()
    {
        var environment = await _msi.RowsAsync("Environment");
        var actions = (await _msi.RowsAsync("InstallExecuteSequence")).Select(row => row[0]);
        Assert.Multiple(() =>
        {
            // '=' set on install, '-' removed on uninstall, '*' the system environment; [~]; appends to what is there.
            Assert.That(environment, Has.Exactly(1).EqualTo(new[] { "PathEntry", "=-*PATH", "[~];[INSTALLDIR]", "MainExecutable" }));
            Assert.That(actions, Does.Contain("WriteEnvironmentStrings").And.Contain("RemoveEnvironmentStrings"));
        });
    }

    [Test]
    public async Task It_refuses_to_install_without_the_dokan_2_driver()
    {
        var conditions = await _msi.RowsAsync("LaunchCondition");
        var searches = await _msi.RowsAsync("AppSearch");
        var registry = (await _msi.RowsAsync("RegLocator")).Single();
        var directory = (await _msi.RowsAsync("DrLocator")).Single();
        var signature = (await _msi.RowsAsync("Signature")).Single();
        var uiActions = (await _msi.RowsAsync("InstallUISequence")).Select(row => row[0]);
        Assert.Multiple(() =>
        {
            Assert.That(conditions, Has.Exactly(1).EqualTo(new[] { "Installed OR (DOKAN2DRIVER AND DOKAN2DLL)",
                "Install the Dokan 2 driver first: https://github.com/dokan-dev/dokany/releases" }));
            Assert.That(searches, Is.EquivalentTo(new[] { new[] { "DOKAN2DRIVER", registry[0] }, new[] { "DOKAN2DLL", signature[0] } }));
            // HKLM (2), the driver service's key, raw (2) + 64-bit view (16).
            Assert.That(registry[1..], Is.EqualTo(new[] { "2", @"SYSTEM\CurrentControlSet\Services\Dokan2", "ImagePath", "18" }));
            Assert.That(signature[1], Is.EqualTo("dokan2.dll"));
            Assert.That(directory, Is.EqualTo(new[] { signature[0], "", "[System64Folder]", "0" }));
            Assert.That(uiActions, Does.Contain("AppSearch").And.Contain("LaunchConditions"));
        });
    }

    private static async Task<string> RunAsync(string program, string[] arguments, string what)
    {
        var start = new ProcessStartInfo(program);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        var result = await Shell.RunAsync(start, stdin: null, what, BuildTimeout);
        Assert.That(result.ExitCode, Is.Zero, $"{what}: {result}");
        return result.Output;
    }

    private static bool OnPath(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
        .Any(dir => dir.Length > 0 && File.Exists(Path.Combine(dir, tool)));

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "DokanRedirector.sln")))
        {
            dir = dir.Parent;
        }
        return dir?.FullName ?? throw new InvalidOperationException($"No DokanRedirector.sln above {TestContext.CurrentContext.TestDirectory}.");
    }
}
