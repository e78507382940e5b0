// MS-SMB2 3.2.5.5 Receiving an SMB2 TREE_CONNECT Response (validate negotiate), 3.3.5.15.12
using DokanRedirector.Smb.Crypto;
using DokanRedirector.Smb.Messages;

namespace DokanRedirector.Smb;

public sealed partial class SmbConnection
{
    private int _negotiateValidated;

    /// <summary>True once the server confirmed over a signed channel what was negotiated (3.0/3.0.2).</summary>
    public bool IsNegotiateValidated => Volatile.Read(ref _negotiateValidated) != 0;

    /// <summary>
    /// On 3.0 and 3.0.2 the NEGOTIATE exchange is not signed, so a man in the middle could have removed
    /// dialects or signing. FSCTL_VALIDATE_NEGOTIATE_INFO asks the server, over the signed session, what it
    /// received and answered; any difference (or a refusal) breaks the connection. 3.1.1 protects NEGOTIATE
    /// with the preauth integrity hash instead, and 2.x has nothing to validate with. Once per connection:
    /// the negotiation is the connection's.
    /// </summary>
    internal async Task ValidateNegotiateAsync(SmbTree tree, CancellationToken ct)
    {
        if (Dialect is not (SmbDialect.Smb300 or SmbDialect.Smb302) || tree.Session.Signer is null || IsNegotiateValidated)
        {
            return;
        }
        var input = ValidateNegotiateInfo.Request(ClientCapabilities, _options.ClientGuid, ClientSecurityMode, _offeredDialects);
        var request = new IoctlRequest(ValidateNegotiateInfo.FsctlCode, SmbFileId.Any, input, ValidateNegotiateInfo.ResponseSize, isFsctl: true);
        using var response = await SendAsync(request, tree.Context, null, ct).ConfigureAwait(false);
        if (response.Status.IsError)
        {
            throw Break(new SmbProtocolException(
                $"{Host}:{Port} refused FSCTL_VALIDATE_NEGOTIATE_INFO ({response.Status.Name}); the negotiation may have been tampered with."));
        }
        var ioctl = IoctlResponse.Read(response.Message);
        var (capabilities, serverGuid, securityMode, dialect) = ValidateNegotiateInfo.ReadResponse(ioctl.Output(response.Message));
        if (capabilities != ServerCapabilities || serverGuid != ServerGuid || securityMode != ServerSecurityMode || dialect != Dialect)
        {
            throw Break(new SmbProtocolException(
                $"{Host}:{Port} validated a different negotiation (dialect {dialect}, capabilities {capabilities}, security mode {securityMode}) " +
                $"than this connection saw (dialect {Dialect}, capabilities {ServerCapabilities}, security mode {ServerSecurityMode}); " +
                "someone may be tampering with the connection."));
        }
        Volatile.Write(ref _negotiateValidated, 1);
    }
}
