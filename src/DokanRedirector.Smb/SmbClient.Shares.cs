// MS-SRVS 3.1.4.8 NetrShareEnum over \PIPE\srvsvc on IPC$ (MS-RPCE 2.1.1.2)
using DokanRedirector.Smb.Auth;
using DokanRedirector.Smb.Rpc;

namespace DokanRedirector.Smb;

public sealed partial class SmbClient
{
    private const uint FsctlPipeTransceive = 0x0011C017;
    private const int PipeBufferSize = 64 * 1024; // a whole fragment (the server's max_recv_frag is 4280)

    /// <summary>
    /// The server's shares as Explorer shows <c>\\server</c>: disk, printer, device and IPC shares, hidden
    /// (<c>$</c>) ones included; filter with <see cref="SmbShareInfo.IsSpecial"/>.
    /// </summary>
    public async Task<IReadOnlyList<SmbShareInfo>> ListSharesAsync(SmbCredential credential, CancellationToken ct)
    {
        await using var ipc = await ConnectShareAsync("IPC$", credential, seal: false, ct).ConfigureAwait(false);
        var tree = await ipc.GetTreeAsync(ct).ConfigureAwait(false);
        await using var pipe = await tree.CreateAsync("srvsvc", new SmbCreateOptions
        {
            DesiredAccess = NtAccessMask.GenericRead | NtAccessMask.GenericWrite,
            ShareAccess = NtShareAccess.Read | NtShareAccess.Write,
        }, ct).ConfigureAwait(false);
        var srvsvc = new SrvsvcClient(
            (pdu, token) => pipe.IoctlAsync(FsctlPipeTransceive, pdu, PipeBufferSize, token),
            async token =>
            {
                var buffer = new byte[PipeBufferSize];
                var read = await pipe.ReadAsync(buffer, 0, token).ConfigureAwait(false);
                return buffer[..read];
            });
        return await srvsvc.NetShareEnumAsync(Host, ct).ConfigureAwait(false);
    }
}
