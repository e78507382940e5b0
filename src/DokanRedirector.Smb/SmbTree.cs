using DokanRedirector.Smb.Messages;
using DokanRedirector.Smb.Transport;

namespace DokanRedirector.Smb;

/// <summary>A connected share (MS-SMB2 3.2.1.4 TreeConnect). Disposing disconnects it.</summary>
public sealed class SmbTree : IAsyncDisposable
{
    private int _disconnected;

    internal SmbTree(SmbSession session, uint treeId, string path, TreeConnectResponse response, bool encrypt)
    {
        IsEncrypted = encrypt;
        Session = session;
        TreeId = treeId;
        Path = path;
        ShareType = response.ShareType;
        ShareFlags = response.ShareFlags;
        Capabilities = response.Capabilities;
        MaximalAccess = response.MaximalAccess;
    }

    public SmbSession Session { get; }

    public uint TreeId { get; }

    /// <summary><c>\\server\share</c>.</summary>
    public string Path { get; }

    public SmbShareType ShareType { get; }

    public SmbShareFlags ShareFlags { get; }

    public SmbShareCapabilities Capabilities { get; }

    /// <summary>The access mask the user has on the share root.</summary>
    public uint MaximalAccess { get; }

    /// <summary>True when the server requires every message on this tree to be encrypted.</summary>
    public bool EncryptData => (ShareFlags & SmbShareFlags.EncryptData) != 0;

    /// <summary>True when every message on this tree is sealed: the server requires it or the caller asked.</summary>
    public bool IsEncrypted { get; }

    /// <summary>How this tree's messages are signed or sealed.</summary>
    internal SmbMessageContext Context => Session.Context(TreeId, IsEncrypted);

    /// <summary>
    /// Sends a request on this tree, signed or sealed as the tree requires, and returns the
    /// response whatever its status; the caller disposes it.
    /// </summary>
    internal Task<SmbResponse> SendAsync<TRequest>(TRequest request, CancellationToken ct)
        where TRequest : ISmbRequest
    {
        Session.ThrowIfClosed();
        return Session.Connection.SendAsync(request, Context, null, ct);
    }

    /// <summary>As <see cref="SendAsync"/>, but an error status raises <see cref="SmbStatusException"/> naming <paramref name="target"/>.</summary>
    internal Task<SmbResponse> SendExpectSuccessAsync<TRequest>(TRequest request, string? target, CancellationToken ct)
        where TRequest : ISmbRequest
    {
        Session.ThrowIfClosed();
        return Session.Connection.SendExpectSuccessAsync(request, Context, target, ct);
    }

    public async Task DisconnectAsync(CancellationToken ct)
    {
        if (Interlocked.Exchange(ref _disconnected, 1) != 0 || Session.Connection.IsBroken)
        {
            return;
        }
        Session.ThrowIfClosed();
        using var response = await Session.Connection
            .SendExpectSuccessAsync(new EmptyRequest(SmbCommand.TreeDisconnect), Context, Path, ct)
            .ConfigureAwait(false);
        EmptyRequest.ReadResponse(response.Message, SmbCommand.TreeDisconnect);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await DisconnectAsync(CancellationToken.None).ConfigureAwait(false);
        }
        catch (SmbException)
        {
            // The connection is gone, so is the tree on the server.
        }
        catch (ObjectDisposedException)
        {
            // The session logged off first, which disconnected the tree on the server.
        }
    }
}
