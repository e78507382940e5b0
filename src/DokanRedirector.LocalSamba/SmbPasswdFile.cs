using System.Globalization;
using System.Text;
using DokanRedirector.Smb.Crypto;

namespace DokanRedirector.LocalSamba;

/// <summary>
/// The throw-away server's password database, written by us in Samba's smbpasswd format
/// (<c>passdb backend = smbpasswd:path</c>). The <c>smbpasswd</c> tool adds users only when run by root; writing
/// the file ourselves lets the demo and the tests run as any user (smbd then serves as that user).
/// </summary>
internal static class SmbPasswdFile
{
    /// <summary>Writes one user, readable only by its owner (it holds the NT hash).</summary>
    public static void Write(string path, string user, string password)
    {
        File.WriteAllText(path, Line(user, CurrentUserId(), password, DateTimeOffset.UtcNow));
        if (!OperatingSystem.IsWindows()) // smbd runs only on Unix; the guard is for the analyzer
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }

    /// <summary>
    /// <c>name:uid:LM hash:NT hash:[flags]:LCT-last change:</c>: no LM hash (32 X), the NT hash MD4(UTF-16LE password),
    /// the flags of a normal account (U, padded to 11), the last change as 8 hex digits of Unix time.
    /// </summary>
    public static string Line(string user, uint userId, string password, DateTimeOffset changed)
    {
        var ntHash = Convert.ToHexString(Md4.HashData(Encoding.Unicode.GetBytes(password)));
        return string.Create(CultureInfo.InvariantCulture,
            $"{user}:{userId}:{new string('X', 32)}:{ntHash}:[U          ]:LCT-{changed.ToUnixTimeSeconds():X8}:\n");
    }

    // The real uid, from the "Uid:" line of /proc/self/status (real, effective, saved, filesystem).
    private static uint CurrentUserId()
    {
        foreach (var line in File.ReadLines("/proc/self/status"))
        {
            if (line.StartsWith("Uid:", StringComparison.Ordinal))
            {
                return uint.Parse(line.Split('\t', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
            }
        }
        throw new InvalidOperationException("/proc/self/status has no Uid line.");
    }
}
