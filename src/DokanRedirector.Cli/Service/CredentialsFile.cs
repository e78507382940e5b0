using System.Globalization;
using DokanRedirector.SmbMiniRdr;

namespace DokanRedirector.Cli.Service;

/// <summary>
/// The <c>serve --credentials FILE</c> format, one server a line, <c>#</c> starts a comment:
/// <code>server=fileserver port=445 seal=no user=DOMAIN\name password=the rest of the line</code>
/// <c>password=</c> comes last and takes the rest of the line verbatim, so a password may hold spaces and '='.
/// The file must be private (mode 0600 or stricter): it holds passwords.
/// </summary>
internal static class CredentialsFile
{
    private const UnixFileMode OthersAccess = UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute
        | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    /// <exception cref="FormatException">A line is malformed, or the file is readable by others; the message names the line, never the password.</exception>
    public static async Task<IReadOnlyList<ServerCredential>> LoadAsync(string path, CancellationToken cancellationToken)
    {
        // On Windows the file's ACL guards it (a profile's folders are private to their user); there is no mode to check.
        if (!OperatingSystem.IsWindows() && File.GetUnixFileMode(path) is var mode && (mode & OthersAccess) != 0)
        {
            throw new FormatException(
                $"{path} holds passwords but others may access it (mode {System.Convert.ToString((int)mode, 8)}). Run: chmod 600 {path}");
        }
        var lines = await File.ReadAllLinesAsync(path, cancellationToken);
        var entries = new List<ServerCredential>();
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length > 0 && line[0] != '#')
            {
                entries.Add(Parse(line, $"{path}:{i + 1}"));
            }
        }
        return entries;
    }

    public static ServerCredential Parse(string line, string where)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        var rest = line.AsSpan();
        while (!rest.IsEmpty)
        {
            var equals = rest.IndexOf('=');
            if (equals <= 0)
            {
                throw new FormatException($"{where}: expected key=value, found '{rest.ToString().Split(' ')[0]}'.");
            }
            var key = rest[..equals].ToString();
            rest = rest[(equals + 1)..];
            var end = key == "password" ? rest.Length : rest.IndexOf(' ') is var space and >= 0 ? space : rest.Length;
            if (!fields.TryAdd(key, rest[..end].ToString()))
            {
                throw new FormatException($"{where}: '{key}' is given twice.");
            }
            rest = rest[end..].TrimStart();
        }
        return new ServerCredential(
            Required(fields, "server", where),
            new SmbServerSettings(Port(fields, where), Flag(fields, "seal", where)),
            AccountName.WithPassword(Required(fields, "user", where), Required(fields, "password", where)));
    }

    private static string Required(Dictionary<string, string> fields, string key, string where) =>
        fields.TryGetValue(key, out var value) && value.Length > 0 ? value : throw new FormatException($"{where}: '{key}=' is missing.");

    private static int Port(Dictionary<string, string> fields, string where) =>
        !fields.TryGetValue("port", out var text) ? 445
        : int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is > 0 and <= 65535 ? port
        : throw new FormatException($"{where}: port '{text}' is not a port number.");

    private static bool Flag(Dictionary<string, string> fields, string key, string where) =>
        fields.GetValueOrDefault(key, "no") switch
        {
            "yes" or "true" => true,
            "no" or "false" => false,
            var other => throw new FormatException($"{where}: {key} is '{other}'; say yes or no."),
        };
}
