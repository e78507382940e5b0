namespace DokanRedirector.Fuse.Mounting;

/// <summary>
/// The argv given to fuse_session_new: its mount options (fuse(8)). default_permissions is left off:
/// the server decides who may do what, not the mode bits we show.
/// </summary>
internal static class MountArguments
{
    public const string Subtype = "dokanredirector";

    public static string[] For(FuseMountOptions options, string fsName) => [Subtype, "-o", OptionsFor(options, fsName)];

    public static string OptionsFor(FuseMountOptions options, string fsName)
    {
        var list = new List<string> { "fsname=" + Escape(fsName), "subtype=" + Subtype };
        if (options.ReadOnly)
        {
            list.Add("ro");
        }
        if (options.AllowOther)
        {
            list.Add("allow_other");
        }
        return string.Join(',', list);
    }

    // fuse_opt.c: ',' separates options and '\' escapes the next character (as fuse_opt_add_opt_escaped does).
    private static string Escape(string value) => value.Replace(@"\", @"\\").Replace(",", @"\,");
}
