using System.CommandLine;
using DokanRedirector.Cli.Control;
using DokanRedirector.Cli.Service;
using DokanRedirector.Rdbss.Naming;

namespace DokanRedirector.Cli.Commands;

/// <summary>
/// <c>use</c> as <c>net use</c> has it: no arguments lists the connections; a mount point and a share map it;
/// a mount point (or share) with <c>--delete</c> cancels it.
/// </summary>
internal sealed class UseCommand(CliOptions cli, ServiceClient service, PasswordSource passwords, ITerminal terminal)
{
    private readonly Argument<string?> _local = new("local")
    {
        Description = OperatingSystem.IsWindows()
            ? "The drive letter (Z:); with --delete, it or \\\\server\\share"
            : "The mount point (an existing directory); with --delete, it or \\\\server\\share",
        Arity = ArgumentArity.ZeroOrOne,
    };
    private readonly Argument<string?> _remote = new("remote")
    {
        Description = "The share, \\\\server\\share[\\path] (or //server/share/path)",
        Arity = ArgumentArity.ZeroOrOne,
    };
    private readonly LogonOptions _logon = new(passwords);
    private readonly Option<bool> _seal = new("--seal") { Description = "Encrypt everything sent to this server (SMB 3)" };
    private readonly Option<bool> _readOnly = new("--read-only") { Description = "Mount read-only" };
    private readonly Option<bool> _delete = new("--delete") { Description = "Disconnect and unmount" };
    private readonly Option<bool> _force = new("--force") { Description = "With --delete: close open files first (their handles fail from then on)" };
    // Accepted only to refuse it with a reason: an unknown option would just say "unrecognized".
    private readonly Option<string?> _password = new("--password") { Hidden = true, Arity = ArgumentArity.ZeroOrOne };

    public Command Build()
    {
        var command = new Command("use", "List, map or disconnect shares (like net use)")
        {
            _local, _remote, _seal, _readOnly, _delete, _force, _password,
        };
        foreach (var option in _logon.All)
        {
            command.Options.Add(option);
        }
        command.SetAction(RunAsync);
        return command;
    }

    private Task<int> RunAsync(ParseResult parse, CancellationToken ct)
    {
        if (parse.GetResult(_password) is not null)
        {
            return Task.FromResult(terminal.UsageError(
                "Passwords are never taken on the command line (ps and shell history would show them). "
                + "Type it at the prompt, or pipe it in with --password-stdin."));
        }
        var local = parse.GetValue(_local);
        var remote = parse.GetValue(_remote);
        if (parse.GetValue(_delete))
        {
            return local is null || remote is not null
                ? Task.FromResult(terminal.UsageError("--delete takes one name: the mount point or \\\\server\\share."))
                : DeleteAsync(parse, local, ct);
        }
        if (parse.GetValue(_force))
        {
            return Task.FromResult(terminal.UsageError("--force goes with --delete."));
        }
        return (local, remote) switch
        {
            (null, _) => ListAsync(parse, ct),
            (_, null) => Task.FromResult(terminal.UsageError($"Which share? dokanredirector use {local} \\\\server\\share")),
            _ => ConnectAsync(parse, local, remote, ct),
        };
    }

    private Task<int> ListAsync(ParseResult parse, CancellationToken ct) =>
        service.CallAsync(cli.Address(parse), new ListRequest(), response =>
        {
            ConnectionTable.Write(terminal.Ansi, response.Connections ?? []);
            return ExitCodes.Success;
        }, ct);

    private async Task<int> ConnectAsync(ParseResult parse, string local, string remote, CancellationToken ct)
    {
        UncName share;
        try
        {
            share = UncName.Parse(remote);
        }
        catch (InvalidUncNameException e)
        {
            return terminal.UsageError(e.Message);
        }
        if (share.Share is null)
        {
            return terminal.UsageError($"'{remote}' names a server only; give a share: {share}\\share");
        }
        // Before the password: a letter in use should not cost the user a prompt.
        if (LocalName.ForUse(local, out var localProblem) is not { } mountPoint)
        {
            return terminal.UsageError(localProblem);
        }
        var credentials = _logon.Read(parse, share.Server, out var port, out var problem);
        if (credentials is null)
        {
            return terminal.UsageError(problem);
        }
        var request = new UseRequest(mountPoint, share.ToString(), credentials, port,
            parse.GetValue(_seal), parse.GetValue(_readOnly));
        return await service.CallAsync(cli.Address(parse), request, _ =>
        {
            terminal.Out.WriteLine($"{share} is mounted at {mountPoint}.");
            return ExitCodes.Success;
        }, ct);
    }

    private Task<int> DeleteAsync(ParseResult parse, string name, CancellationToken ct)
    {
        var target = LocalName.ForDelete(name);
        return service.CallAsync(cli.Address(parse), new DeleteRequest(target, parse.GetValue(_force)), response =>
        {
            if (response.OpenFiles is { Count: > 0 } closed)
            {
                terminal.Out.WriteLine("These open files were closed; their handles now fail:");
                terminal.Out.WriteOpenFiles(closed);
            }
            terminal.Out.WriteLine($"{target} was deleted successfully.");
            return ExitCodes.Success;
        }, ct);
    }
}
