using DokanRedirector.Smb.Messages;

namespace DokanRedirector.Smb;

/// <summary>
/// The server answered a request with an error NTSTATUS. The connection is fine; the request failed.
/// The message is written for a person: what went wrong, on which server, then the status name.
/// </summary>
public sealed class SmbStatusException : Exception
{
    public SmbStatusException(NtStatus status, SmbCommand command, string server, string? target = null)
        : base(Describe(status, command, server, target))
    {
        Status = status;
        Command = command;
        Server = server;
    }

    public SmbStatusException()
    {
        Server = "";
    }

    public SmbStatusException(string message)
        : base(message)
    {
        Server = "";
    }

    public SmbStatusException(string message, Exception innerException)
        : base(message, innerException)
    {
        Server = "";
    }

    public NtStatus Status { get; }

    public SmbCommand Command { get; }

    public string Server { get; }

    // target: the share or path the request named, when there is one ("\\server\share", "dir\file.txt").
    private static string Describe(NtStatus status, SmbCommand command, string server, string? target)
    {
        var unc = $@"\\{server}";
        var what = target ?? unc;
        var text =
            Is(status, NtStatus.LogonFailure, NtStatus.WrongPassword, NtStatus.NoSuchUser) ? $"The user name or password is incorrect for {unc}"
            : status == NtStatus.AccountDisabled ? $"The account is disabled on {unc}"
            : status == NtStatus.AccountLockedOut ? $"The account is locked out on {unc}"
            : Is(status, NtStatus.PasswordExpired, NtStatus.PasswordMustChange) ? $"The password has expired for {unc}"
            : status == NtStatus.BadNetworkName ? $"The share {what} does not exist on {unc}"
            : Is(status, NtStatus.AccessDenied, NtStatus.NetworkAccessDenied) ? $"Access to {what} is denied"
            : Is(status, NtStatus.ObjectNameNotFound, NtStatus.NoSuchFile) ? $"{what} does not exist"
            : status == NtStatus.ObjectPathNotFound ? $"The path {what} does not exist"
            : status == NtStatus.ObjectNameCollision ? $"{what} already exists"
            : status == NtStatus.SharingViolation ? $"{what} is in use by another open"
            : Is(status, NtStatus.NotSupported, NtStatus.NotImplemented) ? $"{unc} does not support {command}"
            : Is(status, NtStatus.UserSessionDeleted, NtStatus.NetworkSessionExpired) ? $"The session on {unc} has expired"
            : status == NtStatus.NetworkNameDeleted ? $"The share {what} was deleted on {unc}"
            : $"{command} failed on {unc}";
        return $"{text} ({status.Name})";
    }

    private static bool Is(NtStatus status, NtStatus a, NtStatus b, NtStatus? c = null) =>
        status == a || status == b || status == c;
}
