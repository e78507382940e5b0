using System.CommandLine;
using System.Runtime.Versioning;
using DokanRedirector.Cli.Control;
using DokanRedirector.Cli.Service;
using DokanRedirector.LocalSamba;
using DokanRedirector.Rdbss;
using DokanRedirector.Rdbss.Naming;
using DokanRedirector.SmbMiniRdr;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DokanRedirector.Cli.Commands;

/// <summary>
/// <c>demo</c>: a throw-away Samba on 127.0.0.1 with a sample folder, mapped at a mount point, until Ctrl+C.
/// Given a share (<c>demo \\server\share --user …</c>), it maps that one instead, the same way.
/// The redirector runs in this process, not in the background service: the demo's lifetime is the command's,
/// and it never touches a service the user may already run. It listens on a control socket of its own, so
/// the other commands can be tried against it with --socket.
/// </summary>
internal sealed class DemoCommand(IServiceProvider services, LogVerbosity verbosity, PasswordSource passwords, ITerminal terminal)
{
    private readonly Argument<string?> _remote = new("remote")
    {
        Description = "A real share to map instead of the throw-away one: \\\\server\\share[\\path]",
        Arity = ArgumentArity.ZeroOrOne,
    };
    private readonly LogonOptions _logon = new(passwords);

    private readonly Option<string?> _dir = new("--dir")
    {
        Description = "Mount the sample share here (an existing directory; default: a new temp directory)",
        HelpName = "DIR",
    };

    public Command Build()
    {
        var command = new Command("demo", "Map a throw-away local Samba share (or the share given) and show what to try (Ctrl+C ends it)")
        {
            _remote, _dir,
        };
        foreach (var option in _logon.All)
        {
            command.Options.Add(option);
        }
        command.SetAction(RunAsync);
        return command;
    }

    private async Task<int> RunAsync(ParseResult parse, CancellationToken ct)
    {
        if (!OperatingSystem.IsLinux())
        {
            return terminal.Failure("demo runs on Linux: it starts a throw-away Samba and mounts it with FUSE.");
        }
        if (FusePrerequisites.Problem() is { } missing)
        {
            return terminal.Failure(missing);
        }
        UncName? given = null;
        if (parse.GetValue(_remote) is { } remote)
        {
            if (!UncName.TryParse(remote, out given) || given.Share is null)
            {
                return terminal.UsageError($"'{remote}' is not \\\\server\\share[\\path].");
            }
        }
        verbosity.Minimum = LogLevel.Information;
        var scratch = Directory.CreateTempSubdirectory("dokanredirector-demo-").FullName;
        var mountPoint = parse.GetValue(_dir) is { } dir ? Path.GetFullPath(dir) : Directory.CreateDirectory(Path.Combine(scratch, "mnt")).FullName;
        try
        {
            // The throw-away Samba only when no share was given.
            await using var samba = given is null ? await SambaServer.StartAsync(ct: ct) : null;
            ShareMapping mapping;
            string what;
            if (samba is null)
            {
                var credentials = _logon.Read(parse, given!.Server, out var port, out var problem);
                if (credentials is null)
                {
                    return terminal.UsageError(problem);
                }
                mapping = new ShareMapping(mountPoint, given, credentials, new SmbServerSettings(port), ReadOnly: false);
                what = $"{given} (port {port})";
            }
            else
            {
                WriteSampleFiles(samba.SharePath("share"));
                mapping = new ShareMapping(mountPoint, UncName.Parse($@"\\{SambaServer.Host}\share"),
                    new UserCredentials(SambaServer.User, null, SambaServer.Password), new SmbServerSettings(samba.Port), ReadOnly: false);
                what = $@"\\{SambaServer.Host}\share (a throw-away Samba on {SambaServer.Host}:{samba.Port})";
            }
            return await MapUntilStoppedAsync(mapping, what, sample: samba is not null, Path.Combine(scratch, ControlSocketPath.FileName), ct);
        }
        catch (SambaNotInstalledException e)
        {
            return terminal.Failure(e.Message);
        }
        finally
        {
            RemoveScratch(scratch);
        }
    }

    private async Task<int> MapUntilStoppedAsync(ShareMapping mapping, string what, bool sample, string socket, CancellationToken ct)
    {
        var service = services.GetRequiredService<RedirectorService>();
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(ct, services.GetRequiredService<StopSignal>().Stopping);
        await using (service)
        {
            var mapped = await service.UseAsync(mapping, ct);
            if (!mapped.Status.IsSuccess)
            {
                return terminal.Failure($"System error: {mapped.Status.Name} — {mapped.Message}");
            }
            Explain(what, mapping.LocalName, socket, sample);
            StatusTree.Write(terminal.Ansi, service.GetStatus());
            var control = new ControlServer(socket, services.GetRequiredService<IControlHandler>(),
                services.GetRequiredService<ILogger<ControlServer>>());
            await control.RunAsync(stopping.Token); // until Ctrl+C (or a stop request)
            terminal.Out.WriteLine("Unmounting, stopping Samba (if it is ours), removing the temp directories.");
        }
        return ExitCodes.Success;
    }

    /// <summary>
    /// Not recursive: were the unmount to have failed, a recursive delete would walk into the share and delete
    /// its files through the mount. An empty mount point and the socket's directory are all that is left.
    /// </summary>
    [SupportedOSPlatform("linux")]
    private void RemoveScratch(string scratch)
    {
        try
        {
            File.Delete(Path.Combine(scratch, ControlSocketPath.FileName));
            var mnt = Path.Combine(scratch, "mnt");
            if (Directory.Exists(mnt))
            {
                Directory.Delete(mnt);
            }
            Directory.Delete(scratch);
        }
        catch (IOException e)
        {
            terminal.Error.WriteLine($"Left {scratch} behind: {e.Message}");
        }
    }

    private void Explain(string what, string mountPoint, string socket, bool sample)
    {
        var o = terminal.Out;
        o.WriteLine($"{what} is mounted at {mountPoint}. Try, in another terminal:");
        o.WriteLine($"  ls -l {mountPoint}");
        if (sample)
        {
            o.WriteLine($"  cat {mountPoint}/hello.txt");
            o.WriteLine($"  echo more >> {mountPoint}/notes/todo.txt");
        }
        o.WriteLine($"  {ThisProgram.CommandLine} status --socket {socket}");
        o.WriteLine($"  {ThisProgram.CommandLine} use --socket {socket}");
        o.WriteLine("Press Ctrl+C to end the demo.");
        o.WriteLine();
    }

    private static void WriteSampleFiles(string root)
    {
        File.WriteAllText(Path.Combine(root, "hello.txt"), "Hello from a share mapped by DokanRedirector!\n");
        Directory.CreateDirectory(Path.Combine(root, "notes"));
        File.WriteAllText(Path.Combine(root, "notes", "todo.txt"), "- browse the share\n- try dokanredirector status\n");
        File.WriteAllText(Path.Combine(root, "notes", "readme.md"), "# Notes\nFiles here live on the Samba server.\n");
        Directory.CreateDirectory(Path.Combine(root, "data"));
        File.WriteAllLines(Path.Combine(root, "data", "squares.csv"), ["n,square", .. Enumerable.Range(1, 10).Select(n => $"{n},{n * n}")]);
    }
}
