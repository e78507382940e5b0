using DokanRedirector.Smb.Crypto;
using DokanRedirector.Smb.Messages;

namespace DokanRedirector.Smb;

/// <summary>
/// An authenticated session on a connection (MS-SMB2 3.2.1.3 Session). Owns its keys and signer; trees
/// are connected through it. Disposing logs off.
/// </summary>
public sealed class SmbSession : IAsyncDisposable
{
    private readonly SmbSessionKeys? _keys;
    private int _closed;

    internal SmbSession(SmbConnection connection, ulong sessionId, SmbSessionFlags flags, SmbSessionKeys? keys, SmbSigner? signer)
    {
        Connection = connection;
        SessionId = sessionId;
        Flags = flags;
        _keys = keys;
        Signer = signer;
    }

    public SmbConnection Connection { get; }

    public ulong SessionId { get; }

    public SmbSessionFlags Flags { get; }

    public bool IsGuest => (Flags & SmbSessionFlags.IsGuest) != 0;

    /// <summary>True when every request is signed and every response verified.</summary>
    public bool IsSigned => Signer is not null;

    /// <summary>The signer for this session's messages; null for guest and NULL sessions.</summary>
    internal SmbSigner? Signer { get; }

    /// <summary>Connects to <c>\\server\share</c>; a missing share raises STATUS_BAD_NETWORK_NAME.</summary>
    public async Task<SmbTree> TreeConnectAsync(string share, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(share);
        ThrowIfClosed();
        var path = $@"\\{Connection.Host}\{share}";
        using var response = await Connection.SendExpectSuccessAsync(new TreeConnectRequest(path), SessionId, 0, Signer, path, ct)
            .ConfigureAwait(false);
        var tree = TreeConnectResponse.Read(response.Message);
        return new SmbTree(this, response.Header.TreeId, path, tree);
    }

    /// <summary>Sends LOGOFF. The session cannot be used afterwards.</summary>
    public async Task LogoffAsync(CancellationToken ct)
    {
        if (Interlocked.Exchange(ref _closed, 1) != 0)
        {
            return;
        }
        try
        {
            if (!Connection.IsBroken)
            {
                using var response = await Connection.SendExpectSuccessAsync(new EmptyRequest(SmbCommand.Logoff), SessionId, 0, Signer, null, ct)
                    .ConfigureAwait(false);
                EmptyRequest.ReadResponse(response.Message, SmbCommand.Logoff);
            }
        }
        finally
        {
            Connection.RemoveSession(this);
            Invalidate();
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await LogoffAsync(CancellationToken.None).ConfigureAwait(false);
        }
        catch (SmbException)
        {
            // The connection is gone, so is the session on the server.
        }
    }

    /// <summary>Wipes the keys; called at logoff and when the connection breaks.</summary>
    internal void Invalidate()
    {
        Interlocked.Exchange(ref _closed, 1);
        Signer?.Dispose();
        _keys?.Dispose();
    }

    internal void ThrowIfClosed() => ObjectDisposedException.ThrowIf(Volatile.Read(ref _closed) != 0, this);
}
