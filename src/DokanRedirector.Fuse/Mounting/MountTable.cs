using System.Globalization;
using System.Text;

namespace DokanRedirector.Fuse.Mounting;

/// <summary>One line of /proc/self/mountinfo (proc(5)): where, which device, which file system.</summary>
internal sealed record MountEntry(string MountPoint, int Major, int Minor, string FileSystemType);

/// <summary>Reads /proc/self/mountinfo. A FUSE mount's device minor is its connection's number under
/// /sys/fs/fuse/connections.</summary>
internal static class MountTable
{
    private const string Path = "/proc/self/mountinfo";

    /// <summary>The topmost mount at <paramref name="mountPoint"/>, or null.</summary>
    public static MountEntry? Find(string mountPoint)
    {
        MountEntry? found = null;
        foreach (var line in File.ReadLines(Path))
        {
            if (Parse(line) is { } entry && entry.MountPoint == mountPoint)
            {
                found = entry; // later lines are mounted on top of earlier ones
            }
        }
        return found;
    }

    // "36 35 98:0 /mnt1 /mnt/parent rw,noatime master:1 - ext3 /dev/root rw": the fields after "-" give the type.
    internal static MountEntry? Parse(string line)
    {
        var fields = line.Split(' ');
        var separator = Array.IndexOf(fields, "-");
        if (fields.Length < 5 || separator < 5 || separator + 1 >= fields.Length)
        {
            return null;
        }
        var device = fields[2].Split(':');
        if (device.Length != 2
            || !int.TryParse(device[0], NumberStyles.None, CultureInfo.InvariantCulture, out var major)
            || !int.TryParse(device[1], NumberStyles.None, CultureInfo.InvariantCulture, out var minor))
        {
            return null;
        }
        return new MountEntry(Unescape(fields[4]), major, minor, fields[separator + 1]);
    }

    // The kernel writes space, tab, newline and backslash in paths as \ooo octal escapes (all ASCII).
    private static string Unescape(string field)
    {
        if (!field.Contains('\\'))
        {
            return field;
        }
        var text = new StringBuilder(field.Length);
        for (var i = 0; i < field.Length; i++)
        {
            if (field[i] == '\\' && i + 3 < field.Length && IsOctal(field[i + 1]) && IsOctal(field[i + 2]) && IsOctal(field[i + 3]))
            {
                text.Append((char)((field[i + 1] - '0') * 64 + (field[i + 2] - '0') * 8 + (field[i + 3] - '0')));
                i += 3;
            }
            else
            {
                text.Append(field[i]);
            }
        }
        return text.ToString();
    }

    private static bool IsOctal(char c) => c is >= '0' and <= '7';
}
