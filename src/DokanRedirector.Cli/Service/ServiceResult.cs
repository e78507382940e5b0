using DokanRedirector.Rdbss;

namespace DokanRedirector.Cli.Service;

/// <summary>How a service operation went: a status, a sentence for the user, and the files concerned.</summary>
internal sealed record ServiceResult(NtStatus Status, string Message, IReadOnlyList<OpenFileInfo> Files)
{
    public static ServiceResult Done(IReadOnlyList<OpenFileInfo>? files = null) => new(NtStatus.Success, "", files ?? []);

    /// <summary>A failure worded by <see cref="StatusMessages"/>, with what it was about.</summary>
    public static ServiceResult Failed(NtStatus status, string subject, IReadOnlyList<OpenFileInfo>? files = null) =>
        new(status, $"{subject}: {StatusMessages.Describe(status)}", files ?? []);
}
