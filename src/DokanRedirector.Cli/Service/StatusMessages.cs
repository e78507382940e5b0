namespace DokanRedirector.Cli.Service;

/// <summary>What an NTSTATUS means to someone mapping a share, in the words <c>net use</c> would use.</summary>
internal static class StatusMessages
{
    private static readonly Dictionary<NtStatus, string> Messages = new()
    {
        [NtStatus.LogonFailure] = "the user name or password is incorrect",
        [NtStatus.WrongPassword] = "the user name or password is incorrect",
        [NtStatus.NoSuchUser] = "the user name or password is incorrect",
        [NtStatus.AccountDisabled] = "the account is disabled",
        [NtStatus.AccountLockedOut] = "the account is locked out",
        [NtStatus.PasswordExpired] = "the password has expired",
        [NtStatus.PasswordMustChange] = "the password must be changed before logging on",
        [NtStatus.AccessDenied] = "access is denied",
        [NtStatus.NetworkAccessDenied] = "access to the share is denied",
        [NtStatus.BadNetworkName] = "the share was not found on the server",
        [NtStatus.BadNetworkPath] = "the server was not found (check the name, that it is up, and the port)",
        [NtStatus.HostUnreachable] = "the server was not found (no route to host)",
        [NtStatus.NetworkUnreachable] = "the network is unreachable",
        [NtStatus.ConnectionRefused] = "the server refused the connection (is SMB running on that port?)",
        [NtStatus.RemoteNotListening] = "the server does not listen for SMB on that port",
        [NtStatus.IoTimeout] = "the server did not answer in time",
        [NtStatus.ConnectionDisconnected] = "the connection to the server was lost",
        [NtStatus.ConnectionReset] = "the server reset the connection",
        [NtStatus.FilesOpen] = "there are open files; close them or use --force (their handles will fail)",
        [NtStatus.DeviceAlreadyAttached] = "the local name is already in use by another connection",
        [NtStatus.NotFound] = "the network connection could not be found",
        [NtStatus.ObjectPathNotFound] = "the local path does not exist",
        [NtStatus.ObjectNameInvalid] = "the name is not valid",
        [NtStatus.NetworkCredentialConflict] = "this server is already used with other credentials",
        [NtStatus.NotSupported] = "the request is not supported",
        [NtStatus.InvalidSignature] = "the server's answer failed the signature check",
    };

    public static string Describe(NtStatus status) =>
        Messages.TryGetValue(status, out var message) ? message : "the operation failed";
}
