using DokanRedirector.Smb.Auth;

namespace DokanRedirector.Smb;

/// <summary>
/// The client side of one server: at most one live connection, made on first use and made again on the
/// next call after it breaks (a server restart, a killed smbd, a dropped network). Sessions are shared by
/// every share view of the same account, as Windows shares them, and logged off with the last view.
/// </summary>
/// <remarks>
/// Handles opened on a broken connection stay broken; only new calls reconnect. Connection set-up runs
/// detached from the caller that triggered it: a caller giving up does not abort a connect that other
/// callers are waiting for.
/// Lock order: <c>_lock</c> only; it is never held across an await.
/// </remarks>
public sealed partial class SmbClient : IAsyncDisposable
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, SessionEntry> _sessions = new(StringComparer.OrdinalIgnoreCase);
    private Task<SmbConnection>? _connection;
    private bool _disposed;

    public SmbClient(string host, int port = SmbClientOptions.DefaultPort, SmbClientOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(host);
        Host = host;
        Port = port;
        Options = options ?? SmbClientOptions.Default;
    }

    public string Host { get; }

    public int Port { get; }

    public SmbClientOptions Options { get; }

    /// <summary>Connections made so far, the first included; more than one means it reconnected.</summary>
    public int ConnectionCount { get; private set; }

    /// <summary>The live connection, connecting (again) if there is none or the last one broke.</summary>
    public Task<SmbConnection> GetConnectionAsync(CancellationToken ct)
    {
        Task<SmbConnection> connecting;
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_connection is null || _connection.IsFaulted || _connection.IsCanceled
                || (_connection.IsCompletedSuccessfully && _connection.Result.IsBroken))
            {
                if (_connection is not null)
                {
                    Log.Reconnecting(Options.Logger, $"{Host}:{Port}", ConnectionCount + 1);
                }
                _connection = SmbConnection.ConnectAsync(Host, Port, Options, CancellationToken.None);
                ConnectionCount++;
            }
            connecting = _connection;
        }
        return connecting.WaitAsync(ct);
    }

    /// <summary>
    /// A view of <c>\\host\share</c> as <paramref name="credential"/>. Its session and tree connect are made
    /// now, and made again on the next call after the connection breaks.
    /// </summary>
    public async Task<SmbShare> ConnectShareAsync(string share, SmbCredential credential, bool seal, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(share);
        ArgumentNullException.ThrowIfNull(credential);
        var view = new SmbShare(this, share, credential, seal);
        try
        {
            await view.GetTreeAsync(ct).ConfigureAwait(false);
            return view;
        }
        catch
        {
            await view.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>A share view of <paramref name="credential"/> was created: its session lives until the last one goes.</summary>
    internal void AddView(SmbCredential credential)
    {
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var key = credential.ToString();
            if (!_sessions.TryGetValue(key, out var entry))
            {
                entry = new SessionEntry();
                _sessions.Add(key, entry);
            }
            entry.Views++;
        }
    }

    /// <summary>
    /// The session of <paramref name="credential"/> on the live connection, set up on first use and again
    /// after a reconnect. A failed set-up (a wrong password) is not remembered: the next call tries again.
    /// </summary>
    internal async Task<SmbSession> GetSessionAsync(SmbCredential credential, CancellationToken ct)
    {
        var connection = await GetConnectionAsync(ct).ConfigureAwait(false);
        Task<SmbSession> setup;
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var entry = _sessions[credential.ToString()];
            if (entry.Setup is null || entry.Connection != connection || entry.Setup.IsFaulted || entry.Setup.IsCanceled)
            {
                entry.Connection = connection;
                entry.Setup = connection.SetupSessionAsync(credential, CancellationToken.None);
            }
            setup = entry.Setup;
        }
        return await setup.WaitAsync(ct).ConfigureAwait(false);
    }

    /// <summary>A view of <paramref name="credential"/> went away; the last one logs its session off.</summary>
    internal async Task RemoveViewAsync(SmbCredential credential)
    {
        Task<SmbSession>? last = null;
        lock (_lock)
        {
            var key = credential.ToString();
            if (_sessions.TryGetValue(key, out var entry) && --entry.Views == 0)
            {
                _sessions.Remove(key);
                last = entry.Setup;
            }
        }
        if (last is { IsCompletedSuccessfully: true })
        {
            await last.Result.DisposeAsync().ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Task<SmbConnection>? connection;
        lock (_lock)
        {
            if (_disposed)
            {
                return;
            }
            _disposed = true;
            connection = _connection;
            _sessions.Clear();
        }
        if (connection is not null)
        {
            try
            {
                await (await connection.ConfigureAwait(false)).DisposeAsync().ConfigureAwait(false);
            }
            catch (SmbException)
            {
                // It never connected; nothing to close.
            }
        }
    }

    private sealed class SessionEntry
    {
        public SmbConnection? Connection { get; set; }

        public Task<SmbSession>? Setup { get; set; }

        public int Views { get; set; }
    }
}
