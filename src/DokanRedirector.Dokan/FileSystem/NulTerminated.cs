namespace DokanRedirector.Dokan.FileSystem;

/// <summary>Copies a name into a fixed WCHAR buffer, cut to fit, always NUL-terminated.</summary>
internal static class NulTerminated
{
    public static void Copy(string value, Span<char> destination)
    {
        if (destination.IsEmpty)
        {
            return;
        }
        var length = Math.Min(value.Length, destination.Length - 1);
        value.AsSpan(0, length).CopyTo(destination);
        destination[length] = '\0';
    }
}
