using DokanRedirector.Smb.Auth;

namespace DokanRedirector.Smb;

/// <summary>
/// One account's view of <c>\\host\share</c> through an <see cref="SmbClient"/>: the tree connect is made
/// on demand and made again, with its session, on the first call after the connection broke.
/// </summary>
public sealed class SmbShare : IAsyncDisposable
{
    private readonly Lock _lock = new();
    private Task<SmbTree>? _tree;
    private int _disposed;

    internal SmbShare(SmbClient client, string name, SmbCredential credential, bool seal)
    {
        client.AddView(credential);
        Client = client;
        Name = name;
        Credential = credential;
        Seal = seal;
    }

    public SmbClient Client { get; }

    /// <summary>The share name, without the server.</summary>
    public string Name { get; }

    public SmbCredential Credential { get; }

    /// <summary>True when encryption was asked for even if the server does not require it.</summary>
    public bool Seal { get; }

    /// <summary><c>\\host\share</c>.</summary>
    public string Path => $@"\\{Client.Host}\{Name}";

    /// <summary>The live tree, re-establishing session and tree connect after a reconnect.</summary>
    public Task<SmbTree> GetTreeAsync(CancellationToken ct)
    {
        Task<SmbTree> tree;
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed != 0, this);
            if (_tree is null || _tree.IsFaulted || _tree.IsCanceled
                || (_tree.IsCompletedSuccessfully && _tree.Result.Session.Connection.IsBroken))
            {
                _tree = ConnectTreeAsync();
            }
            tree = _tree;
        }
        return tree.WaitAsync(ct);
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }
        Task<SmbTree>? tree;
        lock (_lock)
        {
            tree = _tree;
        }
        if (tree is { IsCompletedSuccessfully: true })
        {
            await tree.Result.DisposeAsync().ConfigureAwait(false);
        }
        await Client.RemoveViewAsync(Credential).ConfigureAwait(false);
    }

    // Detached from any one caller (CancellationToken.None): others may be waiting for the same tree.
    private async Task<SmbTree> ConnectTreeAsync()
    {
        var session = await Client.GetSessionAsync(Credential, CancellationToken.None).ConfigureAwait(false);
        return await session.TreeConnectAsync(Name, Seal, CancellationToken.None).ConfigureAwait(false);
    }
}
