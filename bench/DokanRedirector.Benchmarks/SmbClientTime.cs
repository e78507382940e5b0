using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using DokanRedirector.LocalSamba;

namespace DokanRedirector.Benchmarks;

/// <summary>
/// One smbclient measurement in seconds: <see cref="Wall"/>, the whole process (start, connect and logon
/// included), and <see cref="Operation"/>, the part compared with our client.
/// </summary>
internal readonly partial record struct SmbClientTime(double Wall, double Operation)
{
    /// <summary>
    /// get or put of <paramref name="bytes"/>. smbclient times open + transfer + close itself and prints the rate as
    /// bytes / (1.024 × ms), "(… KiloBytes/sec)" for get and "(… kb/s)" for put (source3/client/client.c do_get,
    /// do_put), so the rate gives back its own time to the millisecond.
    /// </summary>
    public static async Task<SmbClientTime> TransferAsync(SambaServer samba, string command, string[] options, long bytes)
    {
        var (wall, output) = await RunAsync(samba, command, options).ConfigureAwait(false);
        var rate = Rate().Match(output);
        if (!rate.Success)
        {
            throw new InvalidOperationException($"smbclient -c '{command}' printed no rate:\n{output}");
        }
        var milliseconds = bytes / (1.024 * double.Parse(rate.Groups["rate"].Value, CultureInfo.InvariantCulture));
        return new SmbClientTime(wall, milliseconds / 1000);
    }

    /// <summary>
    /// <paramref name="count"/> listings of <paramref name="directory"/> in one process, less the wall time of as many
    /// listings of the empty directory, per listing: what is left is the listing itself, as smbclient prints it.
    /// </summary>
    public static async Task<SmbClientTime> ListingAsync(SambaServer samba, string directory, string empty, int count, string[] options)
    {
        var full = await RunAsync(samba, Repeat($@"ls {directory}\*", count), options).ConfigureAwait(false);
        var none = await RunAsync(samba, Repeat($@"ls {empty}\*", count), options).ConfigureAwait(false);
        return new SmbClientTime(full.Wall, (full.Wall - none.Wall) / count);
    }

    /// <summary>The dialect, encryption and signing smbd reports for a session of smbclient with <paramref name="options"/>.</summary>
    public static async Task<string> ServerViewAsync(SambaServer samba, string[] options)
    {
        var result = await samba.SmbClientScriptAsync(TestFiles.Share, $"!smbstatus -s {samba.ConfigPath} -b\n", options).ConfigureAwait(false);
        return SessionOf(result.Output);
    }

    /// <summary>"SMB3_11, -, partial(AES-128-GMAC)": the last three columns of the one session row of <c>smbstatus -b</c>.</summary>
    public static string SessionOf(string smbstatus)
    {
        foreach (var (_, session) in SessionsOf(smbstatus))
        {
            return session;
        }
        throw new InvalidOperationException($"smbstatus -b listed no session:\n{smbstatus}");
    }

    /// <summary>Every session row of <c>smbstatus -b</c>: smbd's pid (one per client connection) and its last three columns.</summary>
    public static Dictionary<string, string> SessionsOf(string smbstatus)
    {
        var sessions = new Dictionary<string, string>();
        foreach (var line in smbstatus.Split('\n'))
        {
            if (line.Contains("(ipv4:", StringComparison.Ordinal))
            {
                var columns = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                sessions[columns[0]] = string.Join(", ", columns[^3..]);
            }
        }
        return sessions;
    }

    private static async Task<(double Wall, string Output)> RunAsync(SambaServer samba, string command, string[] options)
    {
        var time = Stopwatch.StartNew();
        var result = await samba.SmbClientAsync(TestFiles.Share, command, options).ConfigureAwait(false);
        var wall = time.Elapsed.TotalSeconds;
        if (result.ExitCode != 0 || result.Output.Contains("NT_STATUS_", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"smbclient {string.Join(' ', options)} -c '{command}' failed ({result.ExitCode}):\n{result.Output}");
        }
        return (wall, result.Output);
    }

    private static string Repeat(string command, int count)
    {
        var commands = new StringBuilder();
        for (var i = 0; i < count; i++)
        {
            commands.Append(command).Append(';');
        }
        return commands.ToString();
    }

    [GeneratedRegex(@"\((?<rate>[0-9.]+) (KiloBytes/sec|kb/s)\)")]
    private static partial Regex Rate();
}
