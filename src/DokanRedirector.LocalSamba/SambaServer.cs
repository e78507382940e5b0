using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace DokanRedirector.LocalSamba;

/// <summary>
/// A real <c>smbd -F</c> owned by its creator (a test, a benchmark, the demo), on 127.0.0.1 and a free high port, with its whole state in
/// a fresh temp directory (DESIGN.md "A throw-away Samba"). Shares: <c>share</c> (rw),
/// <c>encrypted</c> (smb encrypt = required), <c>public</c> (guest ok), <c>readonly</c>.
/// </summary>
public sealed class SambaServer : IAsyncDisposable
{
    /// <summary>The account the server knows: whoever runs it (smbd, unless run by root, can serve only as itself).</summary>
    public static string User { get; } = Environment.UserName;
    public const string Password = "Passw0rd!";
    public const string Host = "127.0.0.1";

    private const string TempPrefix = "dokanredirector-samba-";
    private const string DcerpcdPath = "/usr/libexec/samba/samba-dcerpcd";
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(20);
    private readonly Process _smbd;
    private readonly Process? _dcerpcd;

    private SambaServer(string root, int port, Process smbd, Process? dcerpcd)
    {
        RootDirectory = root;
        Port = port;
        _smbd = smbd;
        _dcerpcd = dcerpcd;
    }

    public string RootDirectory { get; }

    public int Port { get; }

    public string ConfigPath => Path.Combine(RootDirectory, "smb.conf");

    public string LogPath => Path.Combine(RootDirectory, "log.smbd");

    /// <summary>The local directory behind a share, e.g. <c>SharePath("share")</c>.</summary>
    public string SharePath(string share) => Path.Combine(RootDirectory, "shares", share);

    public static async Task<SambaServer> StartAsync(SambaServerOptions? options = null, CancellationToken ct = default)
    {
        options ??= new SambaServerOptions();
        RequireTools(options);
        var root = options.TempRoot is null
            ? Directory.CreateTempSubdirectory(TempPrefix).FullName
            : Directory.CreateDirectory(Path.Combine(options.TempRoot, TempPrefix + Guid.NewGuid().ToString("N"))).FullName;
        try
        {
            var port = FreePort();
            foreach (var dir in new[] { "pid", "lock", "state", "cache", "private", "ncalrpc" })
            {
                Directory.CreateDirectory(Path.Combine(root, dir));
            }
            foreach (var share in new[] { "share", "encrypted", "public", "readonly" })
            {
                Directory.CreateDirectory(Path.Combine(root, "shares", share));
            }
            var conf = Path.Combine(root, "smb.conf");
            await File.WriteAllTextAsync(conf, Config(root, port, options), ct).ConfigureAwait(false);

            SmbPasswdFile.Write(Path.Combine(root, "private", "smbpasswd"), User, Password);

            // samba-dcerpcd --libexec-rpcds starts every RPC helper up front (srvsvc for share lists).
            var dcerpcd = options.EnableRpc ? StartDaemon(DcerpcdPath, ["-F", "--no-process-group", "-s", conf, "--libexec-rpcds"]) : null;
            var smbd = StartDaemon("smbd", ["-F", "--no-process-group", "-s", conf]);
            var server = new SambaServer(root, port, smbd, dcerpcd);
            try
            {
                await server.WaitUntilReadyAsync(ct).ConfigureAwait(false);
                return server;
            }
            catch
            {
                await server.DisposeAsync().ConfigureAwait(false);
                throw;
            }
        }
        catch
        {
            TryDelete(root);
            throw;
        }
    }

    /// <summary>Runs <c>smbclient //127.0.0.1/share -c command</c> as the test user.</summary>
    public Task<ToolResult> SmbClientAsync(string share, string command, CancellationToken ct = default) =>
        SmbClientAsync(share, command, [], ct);

    /// <summary>As above, with more smbclient options first, e.g. <c>-m SMB3_11</c> or <c>--client-protection=sign</c>.</summary>
    public Task<ToolResult> SmbClientAsync(string share, string command, IReadOnlyList<string> options, CancellationToken ct = default) =>
        RunAsync("smbclient", [.. SmbClientArguments(share, options), "-c", command], null, ct);

    /// <summary>
    /// Runs smbclient with its commands on standard input, one a line, where it also takes <c>!command</c>: a local
    /// command run while its session is up (e.g. <c>!smbstatus -b</c>).
    /// </summary>
    public Task<ToolResult> SmbClientScriptAsync(string share, string script, IReadOnlyList<string> options, CancellationToken ct = default) =>
        RunAsync("smbclient", SmbClientArguments(share, options), script, ct);

    private string[] SmbClientArguments(string share, IReadOnlyList<string> options) =>
        [.. options, "-p", Port.ToString(CultureInfo.InvariantCulture), "-U", $"{User}%{Password}", $"//{Host}/{share}"];

    /// <summary>The share names <c>smbclient -L</c> lists (needs <see cref="SambaServerOptions.EnableRpc"/>).</summary>
    public async Task<IReadOnlyList<string>> ListSharesWithSmbClientAsync(CancellationToken ct = default)
    {
        var list = await ListSharesRawAsync(ct).ConfigureAwait(false);
        if (list.ExitCode != 0)
        {
            throw new InvalidOperationException($"smbclient -L failed ({list.ExitCode}): {list.Output}");
        }
        // -g prints one share per line as "Type|Name|Comment".
        var names = new List<string>();
        foreach (var line in list.Output.Split('\n'))
        {
            var fields = line.Split('|');
            if (fields.Length == 3 && fields[0] is "Disk" or "IPC" or "Printer")
            {
                names.Add(fields[1]);
            }
        }
        return names;
    }

    private Task<ToolResult> ListSharesRawAsync(CancellationToken ct) =>
        RunAsync("smbclient", ["-p", Port.ToString(CultureInfo.InvariantCulture), "-U", $"{User}%{Password}", "-g", "-L", Host], null, ct);

    /// <summary>
    /// The pids of the smbd children serving client connections (smbstatus -p), for fault tests
    /// that kill the process behind one connection.
    /// </summary>
    public async Task<IReadOnlyList<int>> ServingPidsAsync(CancellationToken ct = default)
    {
        var status = await SmbStatusAsync("-p", ct).ConfigureAwait(false);
        var pids = new List<int>();
        foreach (var line in status.Output.Split('\n'))
        {
            // Data rows start with the pid: "12345   root   root   127.0.0.1 (ipv4:127.0.0.1:50000)  SMB3_11 ..."
            var first = line.Trim().Split(' ', 2)[0];
            if (first.Length > 0 && int.TryParse(first, NumberStyles.None, CultureInfo.InvariantCulture, out var pid) && pid != _smbd.Id)
            {
                pids.Add(pid);
            }
        }
        return pids;
    }

    /// <summary>Runs <c>smbstatus</c> with one option, e.g. <c>-b</c>: sessions with their dialect, encryption and signing.</summary>
    public Task<ToolResult> SmbStatusAsync(string option, CancellationToken ct = default) =>
        RunAsync("smbstatus", ["-s", ConfigPath, option], null, ct);

    public string LogTail(int lines = 40)
    {
        var all = new StringBuilder();
        foreach (var file in Directory.GetFiles(RootDirectory, "log.*"))
        {
            all.Append("==> ").Append(Path.GetFileName(file)).Append(" <==\n");
            var text = File.ReadAllLines(file);
            foreach (var line in text.AsSpan(Math.Max(0, text.Length - lines)))
            {
                all.Append(line).Append('\n');
            }
        }
        return all.ToString();
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync(_smbd).ConfigureAwait(false);
        if (_dcerpcd is not null)
        {
            await StopAsync(_dcerpcd).ConfigureAwait(false);
        }
        TryDelete(RootDirectory);
    }

    private static Process StartDaemon(string path, string[] args)
    {
        var daemon = Process.Start(new ProcessStartInfo(path, args)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        }) ?? throw new InvalidOperationException($"{path} did not start");
        // Drain both pipes so a chatty daemon never blocks on a full pipe.
        daemon.OutputDataReceived += static (_, _) => { };
        daemon.ErrorDataReceived += static (_, _) => { };
        daemon.BeginOutputReadLine();
        daemon.BeginErrorReadLine();
        return daemon;
    }

    private static async Task StopAsync(Process daemon)
    {
        try
        {
            if (!daemon.HasExited)
            {
                // -F with --no-process-group: the parent takes its children down on SIGTERM,
                // but a kill of the tree guarantees nothing outlives its owner.
                daemon.Kill(entireProcessTree: true);
                await daemon.WaitForExitAsync().ConfigureAwait(false);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
        daemon.Dispose();
    }

    private async Task WaitUntilReadyAsync(CancellationToken ct)
    {
        var deadline = Stopwatch.StartNew();
        ToolResult last = new(-1, "");
        while (deadline.Elapsed < ReadyTimeout)
        {
            if (_smbd.HasExited)
            {
                throw new InvalidOperationException($"smbd exited with {_smbd.ExitCode} before it was ready.\n{LogTail()}");
            }
            last = await SmbClientAsync("share", "ls", ct).ConfigureAwait(false);
            // With RPC, samba-dcerpcd must also have its srvsvc pipe up (it starts apart from smbd):
            // `smbclient -L` lists shares through that pipe.
            if (last.ExitCode == 0 && _dcerpcd is not null)
            {
                last = await ListSharesRawAsync(ct).ConfigureAwait(false);
            }
            if (last.ExitCode == 0)
            {
                return;
            }
            await Task.Delay(100, ct).ConfigureAwait(false);
        }
        throw new TimeoutException($"smbd on {Host}:{Port} not ready after {ReadyTimeout.TotalSeconds} s. smbclient said: {last.Output}\n{LogTail()}");
    }

    private static string Config(string root, int port, SambaServerOptions options)
    {
        var forceUser = Environment.UserName == "root" ? "force user = root\n" : "";
        string Share(string name, string extra) =>
            $"[{name}]\npath = {Path.Combine(root, "shares", name)}\n{forceUser}{extra}\n";
        return $"""
            [global]
            server role = standalone server
            smb ports = {port}
            interfaces = 127.0.0.1
            bind interfaces only = yes
            pid directory = {root}/pid
            lock directory = {root}/lock
            state directory = {root}/state
            cache directory = {root}/cache
            private dir = {root}/private
            passdb backend = smbpasswd:{root}/private/smbpasswd
            ncalrpc dir = {root}/ncalrpc
            log file = {root}/log.%m
            log level = 1
            disable spoolss = yes
            load printers = no
            printcap name = /dev/null
            map to guest = Bad User
            server min protocol = {options.MinProtocol}
            server max protocol = {options.MaxProtocol}
            server signing = {options.Signing}
            change notify = {(options.ChangeNotify ? "yes" : "no")}
            rpc start on demand helpers = {(options.EnableRpc ? "no" : "yes")}

            """
            + Share("share", "read only = no")
            + Share("encrypted", "read only = no\nsmb encrypt = required")
            + Share("public", "read only = no\nguest ok = yes")
            + Share("readonly", "read only = yes");
    }

    private static void RequireTools(SambaServerOptions options)
    {
        string[] tools = ["smbd", "smbclient", "smbstatus"];
        var missing = new List<string>();
        foreach (var tool in tools)
        {
            if (!OnPath(tool))
            {
                missing.Add(tool);
            }
        }
        if (options.EnableRpc && !File.Exists(DcerpcdPath))
        {
            missing.Add(DcerpcdPath);
        }
        if (missing.Count == 0)
        {
            return;
        }
        throw new SambaNotInstalledException(
            $"A throw-away Samba needs {string.Join(", ", missing)}, which is not installed. " +
            "Run `sudo apt-get install samba smbclient` (or installer/linux/install-deps.sh).");
    }

    private static bool OnPath(string tool)
    {
        string[] extra = ["/usr/sbin", "/sbin"];
        var dirs = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator);
        foreach (var dir in dirs.Concat(extra))
        {
            if (dir.Length > 0 && File.Exists(Path.Combine(dir, tool)))
            {
                return true;
            }
        }
        return false;
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private static async Task<ToolResult> RunAsync(string tool, string[] args, string? stdin, CancellationToken ct)
    {
        var psi = new ProcessStartInfo(tool, args)
        {
            RedirectStandardInput = stdin is not null,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(psi) ?? throw new InvalidOperationException($"{tool} did not start");
        if (stdin is not null)
        {
            await process.StandardInput.WriteAsync(stdin).ConfigureAwait(false);
            process.StandardInput.Close();
        }
        var stdout = process.StandardOutput.ReadToEndAsync(ct);
        var stderr = process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct).ConfigureAwait(false);
        return new ToolResult(process.ExitCode, await stdout.ConfigureAwait(false) + await stderr.ConfigureAwait(false));
    }

    private static void TryDelete(string dir)
    {
        try
        {
            Directory.Delete(dir, recursive: true);
        }
        catch (IOException)
        {
            // A straggling smbd child may still hold a file; the temp dir is cleaned by the OS later.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
