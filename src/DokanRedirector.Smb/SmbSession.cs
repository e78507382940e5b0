using DokanRedirector.Smb.Crypto;
using DokanRedirector.Smb.Messages;
using DokanRedirector.Smb.Transport;

namespace DokanRedirector.Smb;

/// <summary>
/// An authenticated session on a connection (MS-SMB2 3.2.1.3 Session). Owns its keys and signer; trees
/// are connected through it. Disposing logs off.
/// </summary>
public sealed class SmbSession : IAsyncDisposable
{
    private readonly SmbSessionKeys? _keys;
    private int _closed;

    internal SmbSession(
        SmbConnection connection, ulong sessionId, SmbSessionFlags flags, SmbSessionKeys? keys, SmbSigner? signer, SmbTransform? transform)
    {
        Connection = connection;
        SessionId = sessionId;
        Flags = flags;
        _keys = keys;
        Signer = signer;
        Transform = transform;
    }

    public SmbConnection Connection { get; }

    public ulong SessionId { get; }

    public SmbSessionFlags Flags { get; }

    public bool IsGuest => (Flags & SmbSessionFlags.IsGuest) != 0;

    /// <summary>True after logoff or once the connection broke: the session cannot be used any more.</summary>
    public bool IsClosed => Volatile.Read(ref _closed) != 0;

    /// <summary>True when every request is signed and every response verified.</summary>
    public bool IsSigned => Signer is not null;

    /// <summary>True when the server requires every message of this session to be encrypted (SMB2_SESSION_FLAG_ENCRYPT_DATA).</summary>
    public bool EncryptData => (Flags & SmbSessionFlags.EncryptData) != 0;

    /// <summary>True when this session has encryption keys (3.x with a cipher, not guest): <c>seal</c> is possible.</summary>
    public bool CanEncrypt => Transform is not null;

    /// <summary>The signer for this session's messages; null for guest and NULL sessions.</summary>
    internal SmbSigner? Signer { get; }

    /// <summary>Encrypts and decrypts this session's sealed messages; null when it has no cipher keys.</summary>
    internal SmbTransform? Transform { get; }

    /// <summary>Connects to <c>\\server\share</c> without asking for encryption beyond what the server requires.</summary>
    public Task<SmbTree> TreeConnectAsync(string share, CancellationToken ct) => TreeConnectAsync(share, seal: false, ct);

    /// <summary>
    /// Connects to <c>\\server\share</c>; a missing share raises STATUS_BAD_NETWORK_NAME. With
    /// <paramref name="seal"/> every message on the tree is encrypted even if the server does not require it.
    /// </summary>
    public async Task<SmbTree> TreeConnectAsync(string share, bool seal, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(share);
        ThrowIfClosed();
        var path = $@"\\{Connection.Host}\{share}";
        if (seal && !CanEncrypt)
        {
            throw new SmbException(
                $"Cannot encrypt {path}: {DescribeMissingCipher()}.", isTransient: false);
        }
        using var response = await Connection.SendExpectSuccessAsync(new TreeConnectRequest(path), Context(0, EncryptData), path, ct)
            .ConfigureAwait(false);
        var tree = TreeConnectResponse.Read(response.Message);
        var encrypt = seal || EncryptData || (tree.ShareFlags & SmbShareFlags.EncryptData) != 0;
        if (encrypt && !CanEncrypt)
        {
            throw new SmbException($"{path} requires encryption, but {DescribeMissingCipher()}.", isTransient: false);
        }
        var connected = new SmbTree(this, response.Header.TreeId, path, tree, encrypt);
        await Connection.ValidateNegotiateAsync(connected, ct).ConfigureAwait(false);
        return connected;
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
                using var response = await Connection.SendExpectSuccessAsync(new EmptyRequest(SmbCommand.Logoff), Context(0, EncryptData), null, ct)
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

    /// <summary>How a message of this session on <paramref name="treeId"/> is signed or sealed.</summary>
    internal SmbMessageContext Context(uint treeId, bool encrypt) =>
        new(SessionId, treeId, Signer, encrypt ? Transform : null);

    /// <summary>Wipes the keys; called at logoff and when the connection breaks.</summary>
    internal void Invalidate()
    {
        Interlocked.Exchange(ref _closed, 1);
        Signer?.Dispose();
        Transform?.Dispose();
        _keys?.Dispose();
    }

    private string DescribeMissingCipher() =>
        IsGuest || Signer is null ? "a guest or anonymous session has no keys to encrypt with"
        : Connection.Dialect.IsSmb3() ? $"{Connection.Host} negotiated no cipher"
        : $"dialect {Connection.Dialect} cannot encrypt (SMB 3.0 or later is needed)";

    internal void ThrowIfClosed() => ObjectDisposedException.ThrowIf(IsClosed, this);
}
