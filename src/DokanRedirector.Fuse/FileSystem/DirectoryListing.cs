using System.Text;
using DokanRedirector.Rdbss.Mrx;

namespace DokanRedirector.Fuse.FileSystem;

/// <summary>
/// A whole directory listing, read once when the kernel asks for offset 0 and then served by offset:
/// entry i's "next offset" is i + 1. "." and ".." come first. Names are kept NUL-terminated UTF-8,
/// as fuse_add_direntry wants them, so serving a page allocates nothing.
/// </summary>
internal sealed class DirectoryListing
{
    private static readonly byte[] Dot = ".\0"u8.ToArray();
    private static readonly byte[] DotDot = "..\0"u8.ToArray();

    private DirectoryListing(List<Entry> entries) => Entries = entries;

    public static DirectoryListing Empty { get; } = new([new(Dot, ".", default), new(DotDot, "..", default)]);

    public IReadOnlyList<Entry> Entries { get; }

    /// <summary>"." and "..", then <paramref name="entries"/> without the server's own "." and "..".</summary>
    public static DirectoryListing From(IEnumerable<DirectoryEntry> entries)
    {
        var list = new List<Entry>(Empty.Entries);
        foreach (var entry in entries)
        {
            if (entry.Name is not ("." or ".."))
            {
                list.Add(new Entry(NullTerminated(entry.Name), entry.Name, entry.Information));
            }
        }
        return new DirectoryListing(list);
    }

    private static byte[] NullTerminated(string name)
    {
        var bytes = new byte[Encoding.UTF8.GetByteCount(name) + 1];
        Encoding.UTF8.GetBytes(name, bytes);
        return bytes;
    }

    /// <param name="Utf8Name">NUL-terminated.</param>
    public sealed record Entry(byte[] Utf8Name, string Name, FileInformation Information)
    {
        public bool IsDotEntry => Name is "." or "..";
    }
}
