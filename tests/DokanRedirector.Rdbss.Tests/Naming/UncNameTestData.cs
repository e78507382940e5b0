using System.Text;

namespace DokanRedirector.Rdbss.Tests.Naming;

/// <summary>Builds names of exact lengths for the boundary tests.</summary>
internal static class UncNameTestData
{
    /// <summary>A valid <c>\\s\sh\xxx...</c> name of exactly <paramref name="length"/> characters.</summary>
    public static string NameOfLength(int length) => @"\\s\sh" + RelativePathAdding(length - 6);

    /// <summary>
    /// <c>\xxx\xxx...</c> of exactly <paramref name="added"/> characters, every component within
    /// the 255 limit: what it adds to a name when combined or appended.
    /// </summary>
    public static string RelativePathAdding(int added)
    {
        if (added is 1 or < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(added), "A component needs a separator and a character.");
        }

        var text = new StringBuilder(added);
        int remaining = added;
        while (remaining > 0)
        {
            // A separator plus up to 255 characters; never leave a lone separator for last.
            int segment = Math.Min(remaining, 256);
            if (remaining - segment == 1)
            {
                segment--;
            }

            text.Append('\\').Append('x', segment - 1);
            remaining -= segment;
        }

        return text.ToString();
    }
}
