// MS-FSCC 2.1.1 Time: a FILETIME, 100 ns ticks since 1601-01-01 UTC
namespace DokanRedirector.Smb.Info;

/// <summary>
/// The structures in this namespace keep times as raw FILETIME values, so that 0 ("not set") and the
/// SET_INFO sentinels (-1, -2) survive a round trip. These helpers convert for callers that want a DateTime.
/// </summary>
public static class SmbFileTime
{
    private static readonly long MaxFileTime = DateTime.MaxValue.ToFileTimeUtc();

    /// <summary>The time in UTC, or null when it is 0 (not set), negative, or past <see cref="DateTime.MaxValue"/>.</summary>
    public static DateTime? ToDateTime(long fileTime) =>
        fileTime > 0 && fileTime <= MaxFileTime ? DateTime.FromFileTimeUtc(fileTime) : null;

    /// <summary>The FILETIME of <paramref name="time"/> (local times are converted to UTC).</summary>
    public static long FromDateTime(DateTime time) => time.ToFileTimeUtc();
}
