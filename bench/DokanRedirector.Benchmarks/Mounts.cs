using System.Diagnostics;
using DokanRedirector.Fuse;
using DokanRedirector.LocalSamba;
using DokanRedirector.Rdbss;
using DokanRedirector.Rdbss.Naming;
using DokanRedirector.SmbMiniRdr;
using Microsoft.Extensions.Logging.Abstractions;

namespace DokanRedirector.Benchmarks;

/// <summary>
/// <c>\\127.0.0.1\share</c> mounted with our stack in this process (SMB mini-redirector, Redirector, FUSE front end)
/// at a fresh temp directory. Disposing unmounts (forcibly if something is still open), stops the Redirector and
/// removes the directory.
/// </summary>
internal sealed class OurMount : IAsyncDisposable
{
    private readonly Redirector _redirector;
    private FuseMount? _mount;

    private OurMount(Redirector redirector, string directory)
    {
        _redirector = redirector;
        Directory = directory;
    }

    public string Directory { get; }

    /// <summary>The longest the kernel may answer for our mount from its caches: the entry and attribute lifetimes.</summary>
    public static TimeSpan CacheTimeout
    {
        get
        {
            var options = new FuseMountOptions();
            return options.EntryTimeout > options.AttributeTimeout ? options.EntryTimeout : options.AttributeTimeout;
        }
    }

    public static async Task<OurMount> StartAsync(int port)
    {
        var mrx = new SmbMiniRedirector();
        mrx.SetServer(SambaServer.Host, new SmbServerSettings(port));
        var ours = new OurMount(new Redirector(mrx), System.IO.Directory.CreateTempSubdirectory("bench-ours-").FullName);
        try
        {
            var connected = await ours._redirector.ConnectAsync(ours.Directory, UncName.Parse($@"\\{SambaServer.Host}\{TestFiles.Share}"),
                new UserCredentials(SambaServer.User, null, SambaServer.Password)).ConfigureAwait(false);
            var connection = connected.Value ?? throw new InvalidOperationException($"Connecting the share failed: {connected.Status}.");
            ours._mount = await FuseMount.MountShareAsync(ours._redirector, connection, ours.Directory, new FuseMountOptions(),
                NullLoggerFactory.Instance, CancellationToken.None).ConfigureAwait(false);
            return ours;
        }
        catch
        {
            await ours.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_mount is not null)
            {
                await _mount.DisposeAsync().ConfigureAwait(false);
            }
        }
        finally
        {
            await _redirector.DisposeAsync().ConfigureAwait(false);
            System.IO.Directory.Delete(Directory);
        }
    }
}

/// <summary>
/// <c>rclone mount :smb:share</c> of the same share at a fresh temp directory, with rclone's defaults: no VFS cache,
/// attributes cached 1 s in the kernel, listings 5 min in rclone (--dir-cache-time), which therefore answers a
/// repeated <c>ls -l</c> or stat from its memory, one FUSE round trip per call. The password
/// reaches rclone obscured and in its environment (RCLONE_SMB_PASS), never on a command line.
/// Disposing unmounts with <c>fusermount3 -u</c> and waits for rclone to exit.
/// </summary>
internal sealed class RcloneMount : IAsyncDisposable
{
    private static readonly TimeSpan MountTimeout = TimeSpan.FromSeconds(20);

    /// <summary>rclone's --attr-timeout (its default): how long the kernel answers for it.</summary>
    public static readonly TimeSpan CacheTimeout = TimeSpan.FromSeconds(1);

    private readonly Process _rclone;
    private readonly Task<string> _errors;

    private RcloneMount(Process rclone, string directory)
    {
        _rclone = rclone;
        _errors = rclone.StandardError.ReadToEndAsync();
        Directory = directory;
    }

    public string Directory { get; }

    /// <summary>Whether rclone is on the PATH.</summary>
    public static bool IsInstalled() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Any(dir => dir.Length > 0 && File.Exists(Path.Combine(dir, "rclone")));

    public static async Task<RcloneMount> StartAsync(int port)
    {
        // `rclone obscure -` reads the password from standard input.
        var obscured = (await ChildProcess.OutputAsync(["rclone", "obscure", "-"], SambaServer.Password + "\n").ConfigureAwait(false)).Trim();
        var directory = System.IO.Directory.CreateTempSubdirectory("bench-rclone-").FullName;
        var start = new ProcessStartInfo("rclone")
        {
            ArgumentList =
            {
                "mount", $":smb:{TestFiles.Share}", directory, "--smb-host", SambaServer.Host, "--smb-port", port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "--smb-user", SambaServer.User, "--config", "/dev/null",
            },
            RedirectStandardOutput = false,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["RCLONE_SMB_PASS"] = obscured;
        var rclone = new RcloneMount(Process.Start(start) ?? throw new InvalidOperationException("rclone did not start."), directory);
        try
        {
            var waited = Stopwatch.StartNew();
            while (!IsMounted(directory))
            {
                if (rclone._rclone.HasExited || waited.Elapsed > MountTimeout)
                {
                    throw new InvalidOperationException($"rclone mount did not appear in /proc/self/mountinfo: {(rclone._rclone.HasExited ? await rclone._errors.ConfigureAwait(false) : "timed out")}");
                }
                await Task.Delay(50).ConfigureAwait(false);
            }
            return rclone;
        }
        catch
        {
            await rclone.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (IsMounted(Directory))
            {
                await ChildProcess.OutputAsync(["fusermount3", "-u", Directory]).ConfigureAwait(false);
            }
            else if (!_rclone.HasExited)
            {
                _rclone.Kill(); // ours, by its own handle: it never mounted
            }
            using var timeout = new CancellationTokenSource(MountTimeout);
            try
            {
                await _rclone.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                _rclone.Kill(); // ours, by its own handle
                await ChildProcess.OutputAsync(["fusermount3", "-u", "-z", Directory]).ConfigureAwait(false);
            }
        }
        finally
        {
            _rclone.Dispose();
            System.IO.Directory.Delete(Directory);
        }
    }

    private static bool IsMounted(string directory) => MountInfo.Find(directory) is not null;
}

/// <summary>/proc/self/mountinfo (proc(5)).</summary>
internal static class MountInfo
{
    /// <summary>The fields of the mount at <paramref name="directory"/> (field 5; temp directory names need no
    /// unescaping), or null.</summary>
    public static string[]? Find(string directory)
    {
        foreach (var line in File.ReadLines("/proc/self/mountinfo"))
        {
            if (line.Split(' ') is { Length: > 4 } fields && fields[4] == directory)
            {
                return fields;
            }
        }
        return null;
    }

    /// <summary>The readahead of the mount at <paramref name="directory"/>: read_ahead_kb of its device's bdi (field 3).</summary>
    public static string ReadAheadKilobytes(string directory) =>
        Find(directory) is { } fields
            ? File.ReadAllText($"/sys/class/bdi/{fields[2]}/read_ahead_kb").Trim()
            : throw new InvalidOperationException($"{directory} is not in /proc/self/mountinfo.");
}
